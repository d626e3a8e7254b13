/**
 * A PDF in the viewer: pdf.js pages in a scrolling column (only those near the viewport are
 * drawn), a toolbar with page number, previous/next and zoom, opened at the target page with the
 * quote highlighted. When the PDF cannot be read, `onFail` hands over to the text fallback.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../api.js';
import type { OcrData } from './ocrBoxes.js';
import { PdfPage } from './PdfPage.js';
import { PdfToolbar } from './PdfToolbar.js';
import type { PdfDocument, PdfLib } from './pdfjs.js';
import { useNearPages } from './useNearPages.js';

interface Props {
  docId: number;
  page: number | null;
  highlight: string | undefined;
  /** OCR words of the pages Delve read by OCR (scanned pages), by page number. */
  ocr?: ReadonlyMap<number, OcrData>;
  onFail(reason: string): void;
  /** A page to bring into view (find in document); `seq` changes on each request. */
  jump?: { page: number; seq: number } | null;
  /** Printed page labels by page number ("p. 84 (PDF page 1)" in the toolbar). */
  labels?: ReadonlyMap<number, string | null>;
  /** Called after a page's text layer was drawn. */
  onDrawn?(): void;
}

const ZOOMS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

export function PdfView({ docId, page, highlight, ocr, onFail, jump = null, labels, onDrawn }: Props) {
  const [pdf, setPdf] = useState<{ lib: PdfLib; doc: PdfDocument } | null>(null);
  const doc = pdf?.doc ?? null;
  const [base, setBase] = useState<{ width: number; height: number } | null>(null);
  const [scale, setScale] = useState(1);
  const [current, setCurrent] = useState(page ?? 1);
  const [hit, setHit] = useState<boolean | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const pages = useRef(new Map<number, HTMLDivElement>());
  const failed = useRef(onFail);
  failed.current = onFail;

  useEffect(() => {
    let closed = false;
    let destroy: (() => Promise<void>) | null = null;
    (async () => {
      const bytes = await unwrap(api().documentBytes(docId));
      const lib = await import('./pdfjs.js');
      if (closed) return;
      const task = lib.openPdf(bytes);
      destroy = task.destroy;
      const d = await task.promise;
      const first = (await d.getPage(1)).getViewport({ scale: 1 });
      if (closed) return;
      const width = scroller.current?.clientWidth ?? 0;
      const fit = width > 0 ? (width - 48) / first.width : 1;
      setScale(Math.min(2, Math.max(0.5, Math.round(fit * 100) / 100)));
      setBase({ width: first.width, height: first.height });
      setPdf({ lib, doc: d });
    })().catch((err: unknown) => {
      if (!closed) failed.current(err instanceof Error ? err.message : String(err));
    });
    return () => {
      closed = true;
      void destroy?.();
    };
  }, [docId]);

  const count = doc?.numPages ?? 0;
  const near = useNearPages(scroller, pages, count);
  const register = useCallback((n: number, el: HTMLDivElement | null) => {
    if (el) pages.current.set(n, el);
    else pages.current.delete(n);
  }, []);

  const goTo = useCallback((n: number, smooth = false) => {
    const target = Math.min(Math.max(1, n), Math.max(1, count));
    pages.current.get(target)?.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    setCurrent(target);
  }, [count]);

  // Open at the target page once the pages are laid out.
  useEffect(() => {
    if (doc && page !== null && page > 1) goTo(page);
  }, [doc, page, goTo]);

  useEffect(() => {
    if (doc && jump) goTo(jump.page);
  }, [doc, jump, goTo]);

  const onScroll = useCallback(() => {
    const box = scroller.current;
    if (!box) return;
    const line = box.getBoundingClientRect().top + box.clientHeight / 3;
    let at = 1;
    for (const [n, el] of pages.current) if (el.getBoundingClientRect().top <= line && n > at) at = n;
    setCurrent(at);
  }, []);

  const zoom = (dir: 1 | -1) => {
    const next = dir > 0 ? ZOOMS.find((z) => z > scale * 1.05) : [...ZOOMS].reverse().find((z) => z < scale / 1.05);
    if (next === undefined) return;
    setScale(next);
    requestAnimationFrame(() => goTo(current));
  };

  const list = useMemo(() => Array.from({ length: count }, (_, i) => i + 1), [count]);
  const highlightPage = page ?? 1;

  return (
    <div className="viewer-pdf">
      <PdfToolbar
        current={current}
        count={count}
        scale={scale}
        onPage={(n) => goTo(n)}
        onZoom={zoom}
        label={labels?.get(current) ?? null}
        hitNote={highlight && hit === false ? 'The quoted passage was not found on this page.' : null}
      />
      <div className="viewer-pdf-pages" ref={scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label="PDF pages">
        {!doc && <p className="viewer-loading muted">Opening the PDF…</p>}
        {pdf && base && list.map((n) => (
          <PdfPage
            key={n}
            lib={pdf.lib}
            doc={pdf.doc}
            pageNumber={n}
            scale={scale}
            baseSize={base}
            near={near.has(n)}
            highlight={n === highlightPage ? highlight : undefined}
            ocr={ocr?.get(n)}
            onHighlight={setHit}
            mayScroll={jump === null}
            onDrawn={onDrawn}
            register={register}
          />
        ))}
      </div>
    </div>
  );
}
