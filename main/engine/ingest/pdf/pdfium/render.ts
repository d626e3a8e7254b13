/**
 * Rendering one PDF page to 8-bit grey pixels with pdfium, for OCR. The size is the page at `dpi`,
 * scaled down so that neither side exceeds `maxSide` and the pixel count stays under `maxPixels`:
 * a 20,000 × 20,000 scan is rendered at the resolution OCR needs, never at its own, so memory stays
 * bounded whatever the embedded image's size (pdfium samples the image down while drawing).
 */
import type { Pdfium } from './module.js';

/** FPDFBitmap_Gray, and FPDF_ANNOT | FPDF_GRAYSCALE | FPDF_PRINTING render flags. */
const BITMAP_GRAY = 1;
const FLAGS = 0x01 | 0x08 | 0x800;

export interface RenderLimits {
  dpi: number;
  maxSide: number;
  maxPixels: number;
}

export const OCR_RENDER: RenderLimits = { dpi: 300, maxSide: 7000, maxPixels: 24_000_000 };

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
  const bmp = m.FPDFBitmap_CreateEx(width, height, BITMAP_GRAY, 0, 0);
  if (!bmp) throw new Error(`pdfium could not allocate a ${width}×${height} bitmap`);
  try {
    m.FPDFBitmap_FillRect(bmp, 0, 0, width, height, 0xffffffff);
    m.FPDF_RenderPageBitmap(bmp, page, 0, 0, width, height, 0, FLAGS);
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
