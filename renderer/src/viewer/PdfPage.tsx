/**
 * One PDF page: a placeholder of the right size until it comes near the viewport, then the canvas
 * and pdf.js's text layer (selectable text), with the spans of the evidence quote marked
 * `viewer-hit` and scrolled into view; on a scanned page (OCR'd by Delve, no text layer) the quote
 * is marked over its OCR word boxes instead (OcrHighlight) and its OCR words are the selectable
 * text (OcrTextLayer). The canvas is dropped again when the
 * page scrolls far away.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ocrLabel } from '../format.js';
import { findQuote } from './findQuote.js';
import { markHits } from './markHits.js';
import { OcrHighlight } from './OcrHighlight.js';
import { OcrTextLayer } from './OcrTextLayer.js';
import { ocrBoxes, type OcrData } from './ocrBoxes.js';
import type { PdfDocument, PdfLib } from './pdfjs.js';

interface Props {
  lib: PdfLib;
  doc: PdfDocument;
  pageNumber: number;
  scale: number;
  /** Size at scale 1 (of this page once known, else of the first page). */
  baseSize: { width: number; height: number };
  near: boolean;
  highlight: string | undefined;
  /** The page's OCR words when Delve read it by OCR. */
  ocr?: OcrData;
  onHighlight(found: boolean): void;
  /**
   * Whether a drawn quote may still scroll into view: false once the reader moved elsewhere (find, n/p), so a quote
   * whose page finishes drawing late does not pull the view away from the current match.
   */
  mayScroll?: boolean;
  /** Called once the text layer is drawn (find in document paints on it). */
  onDrawn?(): void;
  register(pageNumber: number, el: HTMLDivElement | null): void;
}

export function PdfPage({ lib, doc, pageNumber, scale, baseSize, near, highlight, ocr, onHighlight, mayScroll = true, onDrawn, register }: Props) {
  const boxes = useMemo(() => (ocr ? ocrBoxes(ocr, highlight) : []), [ocr, highlight]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState(baseSize);
  const [error, setError] = useState<string | null>(null);
  const reported = useRef(onHighlight);
  reported.current = onHighlight;
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;
  const scrollable = useRef(mayScroll);
  scrollable.current = mayScroll;

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    let cancelRender: (() => void) | null = null;
    let textLayer: InstanceType<PdfLib['TextLayer']> | null = null;
    (async () => {
      const page = await doc.getPage(pageNumber);
      if (cancelled) return;
      const unscaled = page.getViewport({ scale: 1 });
      setSize({ width: unscaled.width, height: unscaled.height });
      const viewport = page.getViewport({ scale });
      const canvas = canvasRef.current;
      const text = textRef.current;
      if (!canvas || !text) return;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      const task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      cancelRender = () => task.cancel();
      await task.promise;
      if (cancelled) return;
      text.replaceChildren();
      textLayer = new lib.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport });
      await textLayer.render();
      if (cancelled) return;
      if (highlight) {
        const marked = markHits(textLayer.textDivs, findQuote(textLayer.textContentItemsStr, highlight));
        if (scrollable.current) marked[0]?.scrollIntoView({ block: 'center' });
        reported.current(marked.length > 0 || boxes.length > 0);
      }
      drawn.current?.();
    })().catch((err: unknown) => {
      if (!cancelled && !lib.isCancelled(err)) setError(err instanceof Error ? err.message : String(err));
    });
    return () => {
      cancelled = true;
      cancelRender?.();
      textLayer?.cancel();
      textRef.current?.replaceChildren();
      const canvas = canvasRef.current;
      if (canvas) { canvas.width = 0; canvas.height = 0; }
    };
  }, [lib, doc, pageNumber, scale, near, highlight, boxes]);

  const width = Math.floor(size.width * scale);
  const height = Math.floor(size.height * scale);
  return (
    <div
      ref={(el) => register(pageNumber, el)}
      className="viewer-page"
      data-page-number={pageNumber}
      style={{ width, height, ['--total-scale-factor' as string]: scale, ['--scale-round-x' as string]: '1px', ['--scale-round-y' as string]: '1px' }}
    >
      {near && <canvas ref={canvasRef} className="viewer-canvas" style={{ width, height }} />}
      {near && <div ref={textRef} className="textLayer" />}
      {near && ocr && <OcrTextLayer ocr={ocr} width={width} height={height} />}
      {near && ocr && <OcrHighlight boxes={boxes} label={`Quoted passage on page ${pageNumber} (${ocrLabel(ocr.confidence)})`} />}
      {error && <p className="viewer-page-error error" role="alert">Page {pageNumber} could not be drawn: {error}</p>}
    </div>
  );
}
