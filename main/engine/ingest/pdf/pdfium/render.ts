/**
 * Rendering one PDF page to 8-bit grey pixels with pdfium, for OCR. The size is the page at `dpi`,
 * scaled down so that neither side exceeds `maxSide` and the pixel count stays under `maxPixels`:
 * a page of any size in points, or holding an image of any size, is rendered at the resolution OCR
 * needs, never at its own.
 *
 * Memory: pdfium's grayscale mode (FPDF_GRAYSCALE) first converts every image it draws into a
 * whole-size decoded copy (a 20,000 × 20,000 grey image: 628 MB of WASM memory, never handed back).
 * Pages whose largest image has over GREY_MODE_MAX_PIXELS are therefore drawn in colour mode into
 * the same grey bitmap: pdfium then decodes the image a row at a time while scaling it (the same
 * page: 124 MB). Smaller images keep grayscale mode, so ordinary pages render to the very pixels
 * (and OCR cache keys) they always had.
 */
import { EngineError } from '../../../errors.js';
import { largestImagePixels } from './images.js';
import type { Pdfium } from './module.js';

/** FPDFBitmap_Gray; FPDF_ANNOT | FPDF_PRINTING, and FPDF_GRAYSCALE for pages without huge images. */
const BITMAP_GRAY = 1;
const FLAGS = 0x01 | 0x800;
const GRAYSCALE = 0x08;

/** 16 M pixels: 64 MB decoded at 4 bytes a pixel; an A4 page scanned at 300 dpi has 8.7 M. */
export const GREY_MODE_MAX_PIXELS = 16_000_000;

export interface RenderLimits {
  dpi: number;
  maxSide: number;
  maxPixels: number;
  /** Pages whose largest image has more pixels are refused (`OCR_PAGE_TOO_LARGE`), not decoded. */
  maxSourcePixels?: number;
}

/**
 * Pixels of a page's largest image OCR decodes. Peak pdfium WASM memory for one Letter page at 300 dpi:
 * 108 MB with a 20,000² 1-bit image, 124 MB 8-bit, 141 MB with a 40,000² 1-bit image, 205 MB with a
 * 20,000² JPEG 2000. Larger images were not measured (and would take seconds to minutes to decode),
 * so they are refused.
 */
export const MAX_SOURCE_PIXELS = 1_600_000_000;

export const OCR_RENDER: RenderLimits = { dpi: 300, maxSide: 7000, maxPixels: 24_000_000, maxSourcePixels: MAX_SOURCE_PIXELS };

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, rows packed (no stride padding). */
  pixels: Uint8Array;
  /** Pixels per PDF point used (dpi / 72 unless scaled down). */
  scale: number;
}

/** The size a page of `wPt` × `hPt` points is rendered at under `limits`. */
export function renderSize(wPt: number, hPt: number, limits: RenderLimits): { width: number; height: number; scale: number } {
  let scale = limits.dpi / 72;
  const side = Math.max(wPt, hPt) * scale;
  if (side > limits.maxSide) scale *= limits.maxSide / side;
  const px = wPt * hPt * scale * scale;
  if (px > limits.maxPixels) scale *= Math.sqrt(limits.maxPixels / px);
  return { width: Math.max(1, Math.floor(wPt * scale)), height: Math.max(1, Math.floor(hPt * scale)), scale };
}

/** Renders an open pdfium page handle (FPDF_LoadPage) to grey pixels, white background. */
export function renderGrey(p: Pdfium, page: number, limits: RenderLimits = OCR_RENDER): GreyImage {
  const { m } = p;
  // Width and height as displayed (the page's /Rotate applied).
  const rot = m.FPDFPage_GetRotation(page) % 2 === 1;
  const w = m.FPDF_GetPageWidthF(page);
  const h = m.FPDF_GetPageHeightF(page);
  const { width, height, scale } = renderSize(rot ? h : w, rot ? w : h, limits);
  const px = largestImagePixels(p, page); // one walk of the page's objects: the refusal and the mode
  if (limits.maxSourcePixels !== undefined && px > limits.maxSourcePixels) {
    throw new EngineError('OCR_PAGE_TOO_LARGE', `its image has ${px} pixels, over the ${limits.maxSourcePixels} OCR decodes within bounded memory`);
  }
  const flags = px > GREY_MODE_MAX_PIXELS ? FLAGS : FLAGS | GRAYSCALE;
  const bmp = m.FPDFBitmap_CreateEx(width, height, BITMAP_GRAY, 0, 0);
  if (!bmp) throw new Error(`pdfium could not allocate a ${width}×${height} bitmap`);
  try {
    m.FPDFBitmap_FillRect(bmp, 0, 0, width, height, 0xffffffff);
    m.FPDF_RenderPageBitmap(bmp, page, 0, 0, width, height, 0, flags);
    const buf = m.FPDFBitmap_GetBuffer(bmp);
    const stride = m.FPDFBitmap_GetStride(bmp);
    const heap = p.heapU8();
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) pixels.set(heap.subarray(buf + y * stride, buf + y * stride + width), y * width);
    return { width, height, pixels, scale };
  } finally {
    m.FPDFBitmap_Destroy(bmp);
  }
}
