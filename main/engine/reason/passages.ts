/**
 * What the expander is shown each round (DIVER's passage filter): walk the previous round's ranking,
 * skip passages blacklisted because they were in the top passages two retrieval rounds earlier, keep
 * the first `n`; each is cut to about `tokens` tokens (4 characters per token, at a word boundary).
 */
import type { SearchResult } from '../api.js';

export function cutToTokens(text: string, tokens: number): string {
  const limit = tokens * 4;
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(' ', limit);
  return text.slice(0, cut > limit / 2 ? cut : limit) + ' …';
}

export function pickPassages(ranking: SearchResult[], blacklist: ReadonlySet<number>, n: number): SearchResult[] {
  const out: SearchResult[] = [];
  for (const r of ranking) {
    if (out.length >= n) break;
    if (!blacklist.has(r.chunkId)) out.push(r);
  }
  return out;
}
