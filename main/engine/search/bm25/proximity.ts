/**
 * Word-order evidence for BM25's bag of words: the share of the query's consecutive word pairs
 * (bigrams) that also occur, consecutively, in a chunk. A pasted sentence scores ~1 on the chunk it
 * came from and little elsewhere, so quotes land on their exact page even when their words are common
 * in the document. Queries of one word have no pairs and score 0.
 */
import { normalizeForSearch, TOKEN } from '../query/query.js';

export function bigrams(text: string): Set<string> {
  const words = normalizeForSearch(text).match(TOKEN) ?? [];
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

/** Fraction (0..1) of the query's bigrams found in the chunk. */
export function bigramOverlap(queryBigrams: Set<string>, chunkText: string): number {
  if (queryBigrams.size === 0) return 0;
  const chunk = bigrams(chunkText);
  let hits = 0;
  for (const b of queryBigrams) if (chunk.has(b)) hits++;
  return hits / queryBigrams.size;
}
