/**
 * Where an evidence quote lies on a scanned (OCR'd) page: the quote is found among the page's OCR
 * words (findQuote, so case, punctuation, spacing and line-end hyphens are ignored as on a
 * born-digital page), and the words it covers become rectangles, one per run of words on the same
 * line, in fractions of the page (0–1, top-left origin) so they scale with the page. Pure.
 */
import type { DocumentDetail } from '../api.js';
import { hitPieces, findQuote } from './findQuote.js';

export type OcrData = NonNullable<DocumentDetail['pages'][number]['ocr']>;

export interface OcrBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The highlight rectangles of `quote` on an OCR'd page, in reading order; [] when it is not there. */
export function ocrBoxes(ocr: OcrData, quote: string | undefined): OcrBox[] {
  if (!quote || ocr.width <= 0 || ocr.height <= 0 || ocr.words.length === 0) return [];
  const hit = hitPieces(findQuote(ocr.words.map((w) => w[0]), quote));
  const lines: [number, number, number, number][] = [];
  for (const i of hit) {
    const [, x0, y0, x1, y1] = ocr.words[i]!;
    const last = lines[lines.length - 1];
    if (last && sameLine(last, y0, y1) && x0 >= last[0]) {
      last[2] = Math.max(last[2], x1);
      last[1] = Math.min(last[1], y0);
      last[3] = Math.max(last[3], y1);
    } else {
      lines.push([x0, y0, x1, y1]);
    }
  }
  return lines.map(([x0, y0, x1, y1]) => ({ left: x0 / ocr.width, top: y0 / ocr.height, width: (x1 - x0) / ocr.width, height: (y1 - y0) / ocr.height }));
}

/** A word continues a line when the two overlap over half the smaller height. */
function sameLine(line: [number, number, number, number], y0: number, y1: number): boolean {
  const overlap = Math.min(line[3], y1) - Math.max(line[1], y0);
  return overlap > 0.5 * Math.min(line[3] - line[1], y1 - y0);
}
