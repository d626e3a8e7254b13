/**
 * Results by paper on screen. A fast search asks the engine to group (each result carries
 * `group`); a deep search's rankings are passage lists, grouped here the same way: a document
 * takes the place of its best passage and holds the others, in rank order, as `group.more`.
 */
import type { Result } from './scores.js';

export function groupResults(results: readonly Result[]): Result[] {
  if (results.some((r) => r.group)) return [...results];
  const byDoc = new Map<number, Result>();
  for (const r of results) {
    const head = byDoc.get(r.docId);
    if (!head) byDoc.set(r.docId, { ...r, group: { passages: 1, score: r.score, more: [] } });
    else head.group = { ...head.group!, passages: head.group!.passages + 1, more: [...head.group!.more, r] };
  }
  return [...byDoc.values()];
}

/** "paper" for PDFs and PubMed records, "note" for notes. */
export const documentNoun = (r: Pick<Result, 'kind'>): string => (r.kind === 'note' ? 'note' : 'paper');
