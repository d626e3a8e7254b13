/** `delve embed`: gives every chunk a vector from the configured model; and how embedding is reported. */
import type { EmbedSummary, EmbeddingStatus } from '../api.js';
import type { DelveEngine } from '../index.js';
import type { Parsed } from './args.js';
import { progressBar } from './progress-bar.js';
import { onInterrupt } from './interrupt.js';

type Out = (s: string) => void;

export function describeEmbed(s: EmbedSummary): string {
  const rate = s.chunksPerSec === null ? '' : ` at ${s.chunksPerSec} chunks/s`;
  const why = s.fallbackReason ? ` (${s.fallbackReason})` : '';
  return `embedding ${s.model} on ${s.provider}${why}: ${s.embedded} new vectors${rate}, ${s.reused} kept, ${s.removed} removed`;
}

export function describeEmbedding(e: EmbeddingStatus | null): string {
  if (!e) return 'embedding: none (BM25 only; install a model with "delve models pull all-minilm-l6-v2")';
  const why = e.fallbackReason ? `\n  fallback: ${e.fallbackReason}` : '';
  const speed = e.lastJob?.chunksPerSec ? `, last measured ${e.lastJob.chunksPerSec} chunks/s on ${e.lastJob.provider}` : '';
  const where = e.host ? `ollama: ${e.model} @ ${e.host}` : `${e.model} (${e.dims}-d${e.weights ? `, ${e.weights}` : ''}) on ${e.provider} (asked: ${e.requested})`;
  return `embedding: ${where}${e.host ? ` (${e.dims}-d)` : ''}${speed}; ` +
    `${e.vectors} of ${e.texts} chunk texts have vectors${e.complete ? '' : ' (incomplete: run delve embed)'}${why}\n  dense search: ${describeDense(e.denseSearch)}`;
}

function describeDense(d: EmbeddingStatus['denseSearch']): string {
  if (d.method === 'bit' || d.method === 'int8') return `${d.method} copy, re-scored with float vectors`;
  if (d.method === 'sqlite') return `sqlite-vec exact KNN${d.reason ? ` (memory scan unavailable: ${d.reason})` : ''}`;
  const held = d.megabytes > 0 ? `, ${d.megabytes} MB held` : ', vectors load at the first search';
  const from = d.rescoreFrom === 'file' ? ' from a scratch file of the floats' : d.rescoreFrom === 'sqlite-vec' ? ' by sqlite-vec' : '';
  const form = d.codes === 'int8' ? `int8 codes (the floats exceed the memory limit), candidates re-scored exactly${from}, ` : '';
  return `exact, in-memory SIMD scan ${form ? `of ${form}` : ''}on ${d.workers === 0 ? 'the engine thread' : `${d.workers} worker thread${d.workers === 1 ? '' : 's'}`}${held}${d.reason ? ` (${d.reason})` : ''}`;
}

export async function embedCommand(engine: DelveEngine, a: Parsed, out: Out): Promise<void> {
  const bar = progressBar();
  const interrupt = onInterrupt();
  try {
    const s = await engine.embed({ signal: interrupt.signal, onProgress: (p) => bar?.update(p) });
    bar?.end();
    out(a.json ? JSON.stringify(s) : describeEmbed(s));
  } finally {
    bar?.end();
    interrupt.release();
  }
}
