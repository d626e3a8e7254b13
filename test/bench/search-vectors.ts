/**
 * Stand-in embeddings for the search benchmark: a seeded random projection of each text's term
 * counts (tf-idf weights, one fixed ±1 direction per term), L2-normalised. Flat KNN costs the same
 * whatever the values, but these vectors have structure: texts sharing rare terms with a query lie
 * near it, so the dense and BM25 lists overlap the way they do with a real model, and recall of
 * quantised search can be measured against exact search on non-uniform data.
 */
import { normalizeForSearch, TOKEN } from '../../main/engine/search/query/query.js';

export const DIMS = 384;
const WORDS = DIMS / 32;
const STOP = new Set('the of and in to a is that for with was were by as on are from at an be this or which we these than not have has it its can'.split(' '));

export function terms(text: string): string[] {
  return (normalizeForSearch(text).match(TOKEN) ?? []).filter((t) => t.length > 1 && !STOP.has(t));
}

/** 32-bit FNV-1a, then splitmix-style mixing: the seed of a term's direction. */
function seedOf(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function direction(term: string): Uint32Array {
  const out = new Uint32Array(WORDS);
  let s = seedOf(term);
  for (let i = 0; i < WORDS; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    out[i] = (z ^ (z >>> 16)) >>> 0;
  }
  return out;
}

export class Projector {
  private readonly df = new Map<string, number>();
  private readonly dirs = new Map<string, Uint32Array>();
  private docs = 0;

  /** Document frequencies come from the texts given here (the whole benchmark corpus). */
  constructor(texts: Iterable<string>) {
    for (const t of texts) {
      this.docs++;
      for (const term of new Set(terms(t))) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    }
  }

  embed(text: string): Float32Array {
    const counts = new Map<string, number>();
    for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const v = new Float32Array(DIMS);
    for (const [term, tf] of counts) {
      const w = (1 + Math.log(tf)) * Math.log(1 + this.docs / (this.df.get(term) ?? 1));
      let dir = this.dirs.get(term);
      if (!dir) this.dirs.set(term, (dir = direction(term)));
      for (let d = 0; d < DIMS; d++) v[d]! += ((dir[d >>> 5]! >>> (d & 31)) & 1) === 1 ? w : -w;
    }
    let norm = 0;
    for (let d = 0; d < DIMS; d++) norm += v[d]! * v[d]!;
    norm = Math.sqrt(norm);
    if (norm === 0) { v[0] = 1; return v; }
    for (let d = 0; d < DIMS; d++) v[d]! /= norm;
    return v;
  }
}
