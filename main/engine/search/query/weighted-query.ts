/**
 * A long query (the original query plus LLM expansions and a rewrite) as an FTS5 MATCH expression
 * with term weights. FTS5's bm25() adds up the score of every phrase in the query, so a term listed w
 * times counts w times: the weight of a term is how often it is repeated in the expression.
 *
 * Weights: each distinct content term (stop words dropped, as in search/query/query.ts) gets
 * 1 + ⌊log2(occurrences in the whole text)⌋, capped at 3, like a saturated query-side term frequency
 * (DIVER runs BM25 on the concatenated text, where repeated terms weigh more); terms of the original
 * query get +2 and terms of the keyword rewrite +1, so the expansion cannot drown the user's words.
 * The 64 heaviest terms are kept (ties: first appearance), each at most 5 times.
 */
import { normalizeForSearch, STOP_WORDS, TOKEN } from './query.js';

const MAX_TERMS = 64;
const MAX_REPEAT = 5;

export interface WeightedQuery {
  match: string | null;
  weights: { term: string; weight: number }[];
}

function terms(text: string): string[] {
  return [...normalizeForSearch(text).matchAll(TOKEN)].map((m) => m[0].slice(0, 64)).filter((t) => !STOP_WORDS.has(t) && !/^(and|or|not)$/.test(t));
}

export function weightedFtsQuery(parts: { original: string; expansions?: string[]; rewrite?: string | null }): WeightedQuery {
  const all = [parts.original, ...(parts.expansions ?? []), parts.rewrite ?? ''].join('\n');
  const counts = new Map<string, number>();
  for (const t of terms(all)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const original = new Set(terms(parts.original));
  const rewrite = new Set(terms(parts.rewrite ?? ''));
  const weights = [...counts].map(([term, n]) => ({
    term,
    weight: Math.min(MAX_REPEAT, Math.min(3, 1 + Math.floor(Math.log2(n))) + (original.has(term) ? 2 : 0) + (rewrite.has(term) ? 1 : 0)),
  }));
  // Stable sort: equal weights keep their first appearance order.
  const kept = weights.sort((a, b) => b.weight - a.weight).slice(0, MAX_TERMS);
  if (kept.length === 0) return { match: null, weights: [] };
  const phrases = kept.flatMap(({ term, weight }) => Array<string>(weight).fill(`"${term.replaceAll('"', '""')}"`));
  return { match: phrases.join(' OR '), weights: kept };
}
