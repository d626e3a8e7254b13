/**
 * The evidence cards as an ordered list with keyboard navigation: ArrowDown/ArrowUp (or j/k) move
 * between cards, Enter opens the focused card in the viewer, s opens its save form, m shows or hides
 * the paper's other passages. Focus stays on
 * the same result when a deep search replaces the ranking. Records on the list element, as
 * `data-first-results-ms`, how long after the search was asked for its first results were on screen.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNav } from '../app/nav.js';
import { EvidenceCard } from './EvidenceCard.js';
import { topsOf, type Result } from './scores.js';
import { sectionPath } from './sectionPath.js';

export interface ResultListProps {
  results: Result[];
  query: string;
  mode: string;
  /** performance.now() when the search was asked for, and a value that changes when its first results arrive. */
  startedAt: number;
  firstResults: unknown;
  /** One line per paper (title, page, a clipped excerpt) instead of full cards. */
  compact?: boolean;
}

const typing = (el: EventTarget): boolean => el instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);

export function ResultList({ results, query, mode, startedAt, firstResults, compact = false }: ResultListProps) {
  const nav = useNav();
  const list = useRef<HTMLOListElement>(null);
  const cards = useRef(new Map<number, HTMLLIElement>());
  const focused = useRef<number | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [saving, setSaving] = useState<number | null>(null);
  const [saved, setSaved] = useState<Map<number, string>>(new Map());
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const tops = topsOf(results);

  useLayoutEffect(() => {
    if (!list.current) return;
    if (firstResults) list.current.setAttribute('data-first-results-ms', String(Math.round(performance.now() - startedAt)));
    else list.current.removeAttribute('data-first-results-ms');
  }, [firstResults, startedAt]);

  // A re-ranking moves list items; a moved element loses focus: give it back.
  useLayoutEffect(() => {
    const id = focused.current;
    if (id === null || (document.activeElement && document.activeElement !== document.body)) return;
    cards.current.get(id)?.focus();
  }, [results]);

  const focusAt = (i: number) => {
    const r = results[Math.max(0, Math.min(results.length - 1, i))];
    if (r) cards.current.get(r.chunkId)?.focus();
  };
  const open = (r: Result) => {
    const section = sectionPath(r.headingPath, r.title);
    nav.openDocument({ docId: r.docId, page: r.page, highlight: r.snippetText, query, locator: r.locator, headingPath: section.length > 0 ? section : undefined });
  };
  const expand = (id: number, on: boolean) => setExpanded((s) => {
    const next = new Set(s);
    if (on) next.add(id); else next.delete(id);
    return next;
  });

  const onKey = (i: number, r: Result) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
    const k = e.key;
    if (k === 'ArrowDown' || k === 'j') focusAt(i + 1);
    else if (k === 'ArrowUp' || k === 'k') focusAt(i - 1);
    else if (k === 'Home') focusAt(0);
    else if (k === 'End') focusAt(results.length - 1);
    else if (k === 'Enter') open(r);
    else if (k === 's') setSaving(r.chunkId);
    else if (k === 'm' && (r.group?.passages ?? 1) > 1) expand(r.chunkId, !expanded.has(r.chunkId));
    else return;
    e.preventDefault();
  };

  const tabbable = active !== null && results.some((r) => r.chunkId === active) ? active : results[0]?.chunkId;
  return (
    <ol ref={list} className={compact ? 'search-results compact' : 'search-results'} aria-label={`${results.length} results`} data-query={query}
      onBlur={(e) => { if (!list.current?.contains(e.relatedTarget as Node | null) && e.relatedTarget !== null) focused.current = null; }}>
      {results.map((r, i) => (
        <EvidenceCard key={r.chunkId} result={r} position={i + 1} tops={tops} query={query} mode={mode}
          ref={(el) => { if (el) cards.current.set(r.chunkId, el); else cards.current.delete(r.chunkId); }}
          tabIndex={r.chunkId === tabbable ? 0 : -1}
          saving={saving === r.chunkId} savedTo={saved.get(r.chunkId) ?? null}
          onOpen={() => open(r)}
          onFocus={() => { focused.current = r.chunkId; setActive(r.chunkId); }}
          onKeyDown={onKey(i, r)}
          expanded={expanded.has(r.chunkId)} onExpand={(on) => expand(r.chunkId, on)} onOpenPassage={open}
          onSaveToggle={(o) => { setSaving(o ? r.chunkId : null); if (!o) cards.current.get(r.chunkId)?.focus(); }}
          onSaved={(c) => { setSaved((m) => new Map(m).set(r.chunkId, c)); setSaving(null); cards.current.get(r.chunkId)?.focus(); }} />
      ))}
    </ol>
  );
}
