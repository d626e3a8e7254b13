/**
 * Plain text pages (a text note, a PubMed record, a DOCX, web page or EPUB chapter, or a PDF's
 * extracted text when pdf.js cannot draw it), with page headings for PDFs and EPUB chapters and the
 * quote marked on its page. A DOCX, web page or EPUB passage also has its paragraph ordinal (the
 * engine's locator; paragraphs are the text's blank-line-separated blocks, counted across the
 * chapters): the quote is looked for from that paragraph on first, so a repeated passage is marked
 * where the result was. Rendered as React text.
 */
import { Fragment, useEffect, useMemo, useRef } from 'react';
import type { DocumentDetail } from '../api.js';
import { pageName } from '../format.js';
import { piecesFromOffsets } from '../highlight.js';
import { findQuote } from './findQuote.js';

type DocumentPage = DocumentDetail['pages'][number];

interface Props {
  pages: DocumentPage[];
  /** Show "Page N" headings (PDF text), or "Chapter N: title" (EPUB, whose pages are its chapters). */
  headings: boolean | 'chapter';
  page: number | null;
  highlight: string | undefined;
  /** 1-based paragraph ordinal across the document (DOCX, web page, EPUB locator). */
  paragraph?: number;
}

type Found = { page: number; marks: [number, number][] };

/** Where the `n`th paragraph starts: its page and offset in that page's text, or null. */
export function paragraphStart(pages: readonly DocumentPage[], n: number): { page: number; offset: number } | null {
  let seen = 0;
  for (const p of pages) {
    if (p.text.trim() === '') continue;
    const starts = [0, ...[...p.text.matchAll(/\n\n+/g)].map((m) => m.index + m[0].length)];
    if (n <= seen + starts.length) return { page: p.page, offset: starts[n - seen - 1]! };
    seen += starts.length;
  }
  return null;
}

/** The quote at or after the located paragraph, on that paragraph's page. */
function atParagraph(pages: DocumentPage[], paragraph: number, quote: string): Found | null {
  const at = paragraphStart(pages, paragraph);
  const p = at && pages.find((x) => x.page === at.page);
  if (!at || !p) return null;
  const hits = findQuote([p.text.slice(at.offset)], quote);
  return hits.length > 0 ? { page: p.page, marks: hits.map((h) => [h.start + at.offset, h.end + at.offset]) } : null;
}

/** The page holding the quote: from the paragraph when given, the target page if it has it, else the first that does. */
function locate(pages: DocumentPage[], page: number | null, quote: string | undefined, paragraph?: number): Found | null {
  if (!quote) return null;
  const located = paragraph !== undefined ? atParagraph(pages, paragraph, quote) : null;
  if (located) return located;
  const order = page === null ? pages : [...pages.filter((p) => p.page === page), ...pages.filter((p) => p.page !== page)];
  for (const p of order) {
    const hits = findQuote([p.text], quote);
    if (hits.length > 0) return { page: p.page, marks: hits.map((h) => [h.start, h.end]) };
  }
  return null;
}

export function TextView({ pages, headings, page, highlight, paragraph }: Props) {
  const found = useMemo(() => locate(pages, page, highlight, paragraph), [pages, page, highlight, paragraph]);
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
        <section key={p.page} className="viewer-text-page" data-page-number={p.page} aria-label={headings === 'chapter' ? `Chapter ${p.page}` : headings ? pageName(p.page, p.label) : undefined}>
          {headings === 'chapter' && <h3 className="viewer-text-heading">Chapter {p.page}{p.label ? `: ${p.label}` : ''}</h3>}
          {headings === true && <h3 className="viewer-text-heading">{pageName(p.page, p.label)}</h3>}
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
