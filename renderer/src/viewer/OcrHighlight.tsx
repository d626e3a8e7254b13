/**
 * The evidence quote highlighted on a scanned page: rectangles over the OCR words it covers (from
 * the word boxes Delve stored when it recognised the page), placed in fractions of the page so they
 * follow the zoom. The first is scrolled into view.
 */
import { useEffect, useRef } from 'react';
import type { OcrBox } from './ocrBoxes.js';

export function OcrHighlight({ boxes, label }: { boxes: OcrBox[]; label: string }) {
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => { first.current?.scrollIntoView?.({ block: 'center' }); }, [boxes]);
  if (boxes.length === 0) return null;
  return (
    <div className="viewer-ocr-layer" role="img" aria-label={label} data-testid="ocr-highlight">
      {boxes.map((b, i) => (
        <div
          key={i}
          ref={i === 0 ? first : undefined}
          className="viewer-ocr-hit"
          style={{ left: `${b.left * 100}%`, top: `${b.top * 100}%`, width: `${b.width * 100}%`, height: `${b.height * 100}%` }}
        />
      ))}
    </div>
  );
}
