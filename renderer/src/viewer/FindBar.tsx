/**
 * The viewer's find bar (Ctrl/Cmd+F): a field, "3 of 12", previous/next (Enter, Shift+Enter),
 * Close (Escape). When n/p step through the search query's matches it says so instead.
 */
import { useEffect, useRef, useState } from 'react';
import type { Find } from './useFind.js';

export function findCount(find: Pick<Find, 'index' | 'total' | 'terms'>): string {
  if (find.terms.length === 0) return '';
  if (find.total === 0) return 'No matches';
  return `${find.index + 1} of ${find.total}`;
}

interface Props {
  find: Find;
  /** Changes each time Ctrl/Cmd+F is pressed: the field takes focus again. */
  focusKey: number;
  open: boolean;
  pageName: string | null;
  onClose(): void;
}

export function FindBar({ find, focusKey, open, pageName, onClose }: Props) {
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    input.current?.focus();
    input.current?.select();
  }, [open, focusKey]);

  const count = findCount(find);
  if (!open && find.kind !== 'query') return null;
  if (!open) {
    return (
      <div className="viewer-find" role="search" aria-label="Query matches">
        <span className="viewer-find-what">Matches of the search “{find.terms.join(', ')}”</span>
        <span className="viewer-find-count" role="status">{count}{pageName && find.total > 0 ? ` · ${pageName}` : ''}</span>
        <button type="button" aria-label="Previous query match" onClick={() => find.move(-1)} disabled={find.total === 0}>‹</button>
        <button type="button" aria-label="Next query match" onClick={() => find.move(1)} disabled={find.total === 0}>›</button>
        <span className="viewer-find-keys muted">n / p</span>
        <button type="button" onClick={onClose}>Done</button>
      </div>
    );
  }
  return (
    <div className="viewer-find" role="search" aria-label="Find in document">
      <input
        ref={input}
        type="search"
        aria-label="Find in document"
        placeholder="Find in document"
        value={text}
        onChange={(e) => { setText(e.target.value); find.search(e.target.value.trim() === '' ? [] : [e.target.value], 'find'); }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') { e.preventDefault(); find.move(e.shiftKey ? -1 : 1); }
          else if (e.key === 'Escape') { e.preventDefault(); onClose(); }
        }}
      />
      <span className="viewer-find-count" role="status" aria-live="polite">{count}{pageName && find.total > 0 ? ` · ${pageName}` : ''}</span>
      <button type="button" aria-label="Previous match" onClick={() => find.move(-1)} disabled={find.total === 0}>‹</button>
      <button type="button" aria-label="Next match" onClick={() => find.move(1)} disabled={find.total === 0}>›</button>
      <button type="button" onClick={onClose}>Close find</button>
    </div>
  );
}
