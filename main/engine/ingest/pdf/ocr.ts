/**
 * Image-only page detection, for pages whose text layer is (almost) empty.
 *
 * The operator list would show `paintImageXObject`, but building it makes pdf.js decode every
 * image on the page: tens of milliseconds per scanned page, and in the in-thread worker the
 * decoded pixels outlive the document by seconds (a loop over scanned PDFs grew past 7 GB). So the
 * operator list comes from a second, probe copy of the document opened with `maxImageSize: 0`,
 * which makes pdf.js drop every image before decoding it. What a dropped image leaves behind is
 * its placement: the `q <w 0 0 h x y> cm Do Q` of an image becomes a transform followed by
 * nothing. A transform mapping the unit square (an image's space) onto a large part of the page,
 * with nothing drawn under it, is the image; so are many smaller ones that together cover a large
 * part (a scanner writing a page as strips or tiles).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf, type OpenedPdf } from './load.js';
import type { PdfJs } from './pdfjs.js';

/** Pages with fewer non-space characters than this are "almost" without text. */
export const LOW_TEXT_CHARS = 20;
/** A placed image must cover at least this share of the page. */
const MIN_IMAGE_AREA = 0.1;

/** Non-space characters of a page text. */
export function visibleChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0) n++;
  }
  return n;
}

export class OcrProbe {
  private opened: Promise<OpenedPdf> | null = null;

  constructor(private readonly pdfjs: PdfJs, private readonly bytes: Uint8Array) {}

  /** True when the page text is (nearly) empty and the page paints a large image. */
  async needsOcr(pageNumber: number, text: string): Promise<boolean> {
    if (visibleChars(text) >= LOW_TEXT_CHARS) return false;
    this.opened ??= openPdf(this.bytes, { extra: { maxImageSize: 0 } });
    const doc: PDFDocumentProxy = (await this.opened).doc;
    const page = await doc.getPage(pageNumber);
    try {
      const ops = await page.getOperatorList({ annotationMode: this.pdfjs.AnnotationMode.DISABLE });
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      return placesImage(this.pdfjs.OPS, ops.fnArray, ops.argsArray, Math.abs((x1 - x0) * (y1 - y0)));
    } finally {
      page.cleanup();
    }
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = null;
    if (opened) await (await opened.catch(() => null))?.close();
  }
}

/**
 * Walks the operator list keeping the area scale of the current transformation matrix; true once
 * the transforms undone (or left at the end of the list) before anything is drawn cover
 * `MIN_IMAGE_AREA` of the page together, or at an image operator if one is there after all.
 */
export function placesImage(OPS: PdfJs['OPS'], fnArray: number[], argsArray: unknown[], pageArea: number): boolean {
  const images = new Set<number>([
    OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup,
  ]);
  let scale = 1;
  let covered = 0;
  const stack: number[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    if (images.has(fn)) return true;
    switch (fn) {
      case OPS.save:
      case OPS.paintFormXObjectBegin:
        stack.push(scale);
        if (fn === OPS.paintFormXObjectBegin) scale *= det((argsArray[i] as unknown[] | undefined)?.[0]);
        break;
      case OPS.restore:
      case OPS.paintFormXObjectEnd:
        scale = stack.pop() ?? scale;
        break;
      case OPS.transform: {
        scale *= det(argsArray[i]);
        const next = fnArray[i + 1];
        const undone = next === undefined || next === OPS.restore || next === OPS.paintFormXObjectEnd;
        if (undone && pageArea > 0 && (covered += scale) >= MIN_IMAGE_AREA * pageArea) return true;
        break;
      }
    }
  }
  return false;
}

/** |determinant| of a PDF matrix [a b c d e f]: how it scales areas. */
function det(m: unknown): number {
  if (!m || typeof m !== 'object' || !('length' in m)) return 1;
  const [a, b, c, d] = Array.from(m as ArrayLike<number>);
  const v = Math.abs((a ?? 1) * (d ?? 1) - (b ?? 0) * (c ?? 0));
  return Number.isFinite(v) ? v : 1;
}
