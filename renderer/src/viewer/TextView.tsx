/**
 * Plain text pages (a text note, a PubMed record, or a PDF's extracted text when pdf.js cannot
 * draw it), with page headings for PDFs and the quote marked on its page. Rendered as React text.
 */
import { Fragment, useEffect, useMemo, useRef } from 'react';
import type { DocumentDetail } from '../api.js';
import { pageName } from '../format.js';
import { piecesFromOffsets } from '../highlight.js';
import { findQuote } from './findQuote.js';

type DocumentPage = DocumentDetail['pages'][number];

interface Props {
  pages: DocumentPage[];
  /** Show "Page N" headings (PDF text). */
  headings: boolean;
  page: number | null;
  highlight: string | undefined;
}

/** The page holding the quote: the target page if it has it, else the first that does. */
function locate(pages: DocumentPage[], page: number | null, quote: string | undefined): { page: number; marks: [number, number][] } | null {
  if (!quote) return null;
  const order = page === null ? pages : [...pages.filter((p) => p.page === page), ...pages.filter((p) => p.page !== page)];
  for (const p of order) {
    const hits = findQuote([p.text], quote);
    if (hits.length > 0) return { page: p.page, marks: hits.map((h) => [h.start, h.end]) };
  }
  return null;
}

export function TextView({ pages, headings, page, highlight }: Props) {
  const found = useMemo(() => locate(pages, page, highlight), [pages, page, highlight]);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const target = el.querySelector('mark') ?? (page !== null ? el.querySelector(`[data-page-number="${page}"]`) : null);
    target?.scrollIntoView?.({ block: found ? 'center' : 'start' });
  }, [found, page]);

  if (pages.every((p) => p.text.trim() === '')) {
    return <p className="viewer-empty muted">This document has no extracted text.</p>;
  }
  return (
    <div className="viewer-text" ref={root}>
      {highlight && !found && <p className="viewer-hitnote muted">The quoted passage was not found in the text.</p>}
      {pages.map((p) => (
        <section key={p.page} className="viewer-text-page" data-page-number={p.page} aria-label={headings ? pageName(p.page, p.label) : undefined}>
          {headings && <h3 className="viewer-text-heading">{pageName(p.page, p.label)}</h3>}
          <div className="viewer-text-body">
            {found && found.page === p.page
              ? piecesFromOffsets(p.text, found.marks).map((x, i) => (x.marked ? <mark key={i} className="viewer-mark">{x.text}</mark> : <Fragment key={i}>{x.text}</Fragment>))
              : p.text}
          </div>
        </section>
      ))}
    </div>
  );
}
