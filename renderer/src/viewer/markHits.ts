/**
 * Marks a quote's characters in pdf.js text-layer spans with the class `viewer-hit`: a span the
 * quote covers (but for punctuation) gets the class itself; a span it covers only in part has that part wrapped in an
 * inner span (text nodes only, never HTML). Returns the marked elements in reading order.
 */
import type { QuoteHit } from './findQuote.js';

/** A letter or digit: a span whose unmatched ends have none is marked whole. */
const WORD = /[\p{L}\p{N}]/u;

export function markHits(spans: readonly HTMLElement[], hits: readonly QuoteHit[]): HTMLElement[] {
  const marked: HTMLElement[] = [];
  for (const hit of hits) {
    const span = spans[hit.piece];
    if (!span) continue;
    const text = span.textContent ?? '';
    const before = text.slice(0, hit.start);
    const after = text.slice(hit.end);
    if (!WORD.test(before) && !WORD.test(after)) {
      span.classList.add('viewer-hit');
      marked.push(span);
      continue;
    }
    const start = WORD.test(before) ? hit.start : 0;
    const end = WORD.test(after) ? hit.end : text.length;
    const doc = span.ownerDocument;
    const inner = doc.createElement('span');
    inner.className = 'viewer-hit viewer-hit-part';
    inner.textContent = text.slice(start, end);
    const head = text.slice(0, start);
    const tail = text.slice(end);
    span.replaceChildren(...(head ? [doc.createTextNode(head)] : []), inner, ...(tail ? [doc.createTextNode(tail)] : []));
    marked.push(inner);
  }
  return marked;
}
