/**
 * A scanned page's OCR words as selectable, transparent text over the drawn page, as pdf.js's text
 * layer is over a born-digital one: each word placed on its OCR box, its font as tall as the box and
 * stretched to the box's width, so a selection covers what the reader sees and "Save selection as
 * evidence" works on scans too. Each word ends with a space and each line with a line break, so
 * the selected text reads as words.
 */
import { Fragment, useMemo } from 'react';
import type { OcrData } from './ocrBoxes.js';

interface Props {
  ocr: OcrData;
  /** The page's drawn size in CSS pixels. */
  width: number;
  height: number;
}

let ctx: CanvasRenderingContext2D | null | undefined;
/** The text's width at 100 px in the layer's font, or null where no canvas can measure (jsdom). */
function measure(text: string): number | null {
  if (ctx === undefined) {
    try { ctx = typeof navigator !== 'undefined' && /jsdom/i.test(navigator.userAgent) ? null : document.createElement('canvas').getContext('2d'); } catch { ctx = null; }
    if (ctx) ctx.font = '100px sans-serif';
  }
  return ctx ? ctx.measureText(text).width : null;
}

export function OcrTextLayer({ ocr, width, height }: Props) {
  const sx = width / ocr.width;
  const sy = height / ocr.height;
  const words = useMemo(() => ocr.words.map(([text, x0, y0, x1, y1], i) => {
    const next = ocr.words[i + 1];
    const lineEnd = !next || next[2] >= y1 || next[1] < x0;
    const w = measure(text);
    return { text, x0, y0, boxW: x1 - x0, boxH: y1 - y0, per100: w, lineEnd };
  }), [ocr]);
  return (
    <div className="viewer-ocr-text" data-testid="ocr-text-layer">
      {words.map((w, i) => {
        const size = Math.max(1, w.boxH * sy);
        const stretch = w.per100 && w.per100 > 0 ? (w.boxW * sx) / ((w.per100 * size) / 100) : 1;
        return (
          <Fragment key={i}>
            <span style={{ left: w.x0 * sx, top: w.y0 * sy, fontSize: size, transform: `scaleX(${stretch})` }}>{`${w.text} `}</span>
            {w.lineEnd && <br />}
          </Fragment>
        );
      })}
    </div>
  );
}
