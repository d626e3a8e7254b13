/**
 * The viewer's find state: the terms looked for (typed in the find bar, or the search query's words
 * for n/p), the current match and the total, and the painting of the matches. A PDF counts its
 * matches in the extracted text of every page (only pages near the viewport have a text layer) and
 * paints the current page's matches once its text layer is drawn; other documents count and paint
 * what the viewer shows.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { clearMatches, domMatches, paintMatches } from './domFind.js';
import { countByPage, placeOf, step, type PageText } from './findText.js';

export interface FindSource {
  /** 'pages': a PDF drawn page by page; 'dom': everything is on screen. */
  kind: 'pages' | 'dom';
  pages: readonly PageText[];
  root: RefObject<HTMLElement | null>;
  /** Brings a PDF page into view (its text layer is then drawn). */
  showPage(page: number): void;
  /** Changes whenever a text layer was drawn (a PDF page came near, or the zoom changed). */
  drawn: number;
}

export type FindKind = 'find' | 'query';

export interface Find {
  kind: FindKind;
  terms: string[];
  /** 0-based current match; -1 when none. */
  index: number;
  total: number;
  /** The page of the current match (PDFs). */
  page: number | null;
  /** Looks for `terms` from the first match (or keeps the place when the terms did not change). */
  search(terms: string[], kind: FindKind): void;
  move(dir: 1 | -1): void;
  clear(): void;
}

export function useFind(source: FindSource): Find {
  const [state, setState] = useState<{ kind: FindKind; terms: string[]; index: number }>({ kind: 'find', terms: [], index: -1 });
  const [domTotal, setDomTotal] = useState(0);
  const scroll = useRef(false);
  const { kind, pages, root, showPage, drawn } = source;

  const counts = useMemo(() => (kind === 'pages' ? countByPage(pages, state.terms) : []), [kind, pages, state.terms]);
  const total = kind === 'pages' ? counts.reduce((n, c) => n + c.count, 0) : domTotal;
  const place = kind === 'pages' ? placeOf(counts, state.index) : null;

  // A new current match: bring its page into view, and scroll to it once painted.
  useEffect(() => {
    scroll.current = true;
    if (place) showPage(place.page);
  }, [state.index, state.terms, place?.page]);

  useEffect(() => {
    const el = root.current;
    if (!el || state.terms.length === 0) { clearMatches(); setDomTotal(0); return; }
    if (kind === 'dom') {
      const ranges = domMatches(el, state.terms);
      setDomTotal(ranges.length);
      const active = ranges[state.index] ?? null;
      paintMatches(ranges, active, scroll.current);
      if (active) scroll.current = false;
      return;
    }
    const layer = place ? el.querySelector(`[data-page-number="${place.page}"] .textLayer`) : null;
    if (!layer || !place) { clearMatches(); return; }
    const ranges = domMatches(layer, state.terms);
    const active = ranges[Math.min(place.nth, ranges.length - 1)] ?? null;
    paintMatches(ranges, active, scroll.current);
    if (active) scroll.current = false;
  }, [kind, root, state.terms, state.index, place?.page, place?.nth, drawn]);

  useEffect(() => () => clearMatches(), []);

  const totalRef = useRef(total);
  totalRef.current = total;
  const search = useCallback((terms: string[], k: FindKind) => setState((s) => {
    const same = s.kind === k && s.terms.join('\u0000') === terms.join('\u0000');
    return same ? s : { kind: k, terms, index: terms.length > 0 ? 0 : -1 };
  }), []);
  const move = useCallback((dir: 1 | -1) => setState((s) => ({ ...s, index: step(s.index, totalRef.current, dir) })), []);
  const clear = useCallback(() => setState({ kind: 'find', terms: [], index: -1 }), []);

  // Fewer matches than the current index (the terms changed the total): back to the first.
  const index = state.index >= total ? (total > 0 ? 0 : -1) : state.index;
  return { kind: state.kind, terms: state.terms, index, total, page: place?.page ?? null, search, move, clear };
}
