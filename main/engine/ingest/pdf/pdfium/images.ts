/**
 * Image-only page detection for pdfium pages: image objects (directly or inside form XObjects)
 * covering a large part of the page, one alone or several together (a scan written as strips or tiles).
 */
import type { Pdfium } from './module.js';

/** FPDF_PAGEOBJ_IMAGE, FPDF_PAGEOBJ_FORM. */
const OBJ_IMAGE = 3;
const OBJ_FORM = 5;
/** Same threshold as ocr.ts: a placed image must cover at least this share of the page. */
const MIN_IMAGE_AREA = 0.1;
const MAX_DEPTH = 8;

export function hasLargeImage(p: Pdfium, page: number): boolean {
  const { m } = p;
  const area = Math.abs(m.FPDF_GetPageWidthF(page) * m.FPDF_GetPageHeightF(page));
  if (!(area > 0)) return false;
  const min = MIN_IMAGE_AREA * area;
  const f32 = p.scratch >> 2;
  // A scanner may write a page as many images (strips or tiles): their areas add up.
  let covered = 0;
  const visit = (count: number, get: (i: number) => number, depth: number): boolean => {
    for (let i = 0; i < count; i++) {
      const obj = get(i);
      if (!obj) continue;
      const type = m.FPDFPageObj_GetType(obj);
      if (type === OBJ_IMAGE) {
        if (!m.FPDFPageObj_GetBounds(obj, p.scratch, p.scratch + 4, p.scratch + 8, p.scratch + 12)) continue;
        const h = p.heapF32();
        const [l = 0, b = 0, r = 0, t = 0] = [h[f32], h[f32 + 1], h[f32 + 2], h[f32 + 3]];
        covered += Math.abs((r - l) * (t - b));
        if (covered >= min) return true;
      } else if (type === OBJ_FORM && depth < MAX_DEPTH) {
        if (visit(m.FPDFFormObj_CountObjects(obj), (j) => m.FPDFFormObj_GetObject(obj, j), depth + 1)) return true;
      }
    }
    return false;
  };
  return visit(m.FPDFPage_CountObjects(page), (i) => m.FPDFPage_GetObject(page, i), 0);
}

/** Pixel count (width × height) of the largest image on the page, directly or inside forms. */
export function largestImagePixels(p: Pdfium, page: number): number {
  const { m } = p;
  let best = 0;
  const visit = (count: number, get: (i: number) => number, depth: number): void => {
    for (let i = 0; i < count; i++) {
      const obj = get(i);
      if (!obj) continue;
      const type = m.FPDFPageObj_GetType(obj);
      if (type === OBJ_IMAGE) {
        if (!m.FPDFImageObj_GetImagePixelSize(obj, p.scratch, p.scratch + 4)) continue;
        const h = new Uint32Array(p.heapU8().buffer, p.scratch, 2);
        best = Math.max(best, h[0]! * h[1]!);
      } else if (type === OBJ_FORM && depth < MAX_DEPTH) {
        visit(m.FPDFFormObj_CountObjects(obj), (j) => m.FPDFFormObj_GetObject(obj, j), depth + 1);
      }
    }
  };
  visit(m.FPDFPage_CountObjects(page), (i) => m.FPDFPage_GetObject(page, i), 0);
  return best;
}
