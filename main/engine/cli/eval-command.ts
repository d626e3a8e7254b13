/**
 * `delve eval`: retrieval quality on a BEIR dataset with the engine's own search. The corpus goes
 * into its own evaluation database (default: eval/<dataset>-<hash>.db in the data folder), kept
 * between runs so it is chunked and embedded once per model. Prints nDCG@10, recall@100 and MRR@10,
 * or with --json `{"ndcg@10","recall@100","mrr@10","queries","ms",…}`.
 */
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import type { SearchMode } from '../api.js';
import { EVAL_CHUNK, runEval } from '../eval/run.js';
import { UsageError, type Parsed } from './args.js';
import { embeddingFromArgs } from './embedding-config.js';
import { onInterrupt } from './interrupt.js';

type Out = (s: string) => void;

export function evalDbPath(dataDir: string, dataset: string): string {
  const abs = resolve(dataset);
  const tag = createHash('sha256').update(abs).digest('hex').slice(0, 8);
  return join(dataDir, 'eval', `${basename(abs).replace(/[^A-Za-z0-9._-]+/g, '-')}-${tag}.db`);
}

export async function evalCommand(a: Parsed, dataDir: string, out: Out): Promise<void> {
  if (!a.dataset) throw new UsageError('eval needs --dataset <BEIR folder> (corpus.jsonl, queries.jsonl, qrels.tsv)');
  const mode = (a.mode ?? 'bm25') as SearchMode;
  if (!['bm25', 'dense', 'hybrid'].includes(mode)) throw new UsageError(`unknown --mode "${mode}" (available: bm25, dense, hybrid)`);
  const embedding = mode === 'bm25' ? undefined : embeddingFromArgs(a, dataDir);
  if (mode !== 'bm25' && !embedding) throw new UsageError(`--mode ${mode} needs --model <installed id or model folder>`);
  const interrupt = onInterrupt();
  const tty = process.stderr.isTTY;
  try {
    const r = await runEval({
      dataset: resolve(a.dataset), dbPath: a.db ?? evalDbPath(dataDir, a.dataset), mode, embedding,
      fusion: a.fusion, weight: a.weight, rm3: a.rm3, bm25: { ...(a.k1 !== undefined ? { k1: a.k1 } : {}), ...(a.b !== undefined ? { b: a.b } : {}) }, limit: a.limit, trecRun: a.trecRun, signal: interrupt.signal,
      chunk: { ...EVAL_CHUNK, ...(a.chunkSize ? { targetChars: a.chunkSize } : {}), ...(a.chunkOverlap !== undefined ? { overlapChars: a.chunkOverlap } : {}) },
      onProgress: tty ? (p) => process.stderr.write(`\r\x1b[2K${p.phase} ${p.done}/${p.total}`) : undefined,
    });
    if (tty) process.stderr.write('\r\x1b[2K');
    if (a.json) {
      out(JSON.stringify(r));
      return;
    }
    const f = (x: number) => x.toFixed(4);
    out(`${basename(r.dataset)} ${r.mode}${r.model ? ` (${r.model} on ${r.provider})` : ''}: ${r.queries} queries over ${r.documents} documents`);
    out(`  nDCG@10 ${f(r['ndcg@10'])}   recall@100 ${f(r['recall@100'])}   MRR@10 ${f(r['mrr@10'])}`);
    if (r.bm25) out(`  BM25 k1 ${r.bm25.k1}, b ${r.bm25.b}${r.bm25.rm3 ? ', RM3 (10 docs, 10 terms, query weight 0.5)' : ''}`);
    out(`  ${(r.ms / 1000).toFixed(1)} s in all; search p50 ${r.queryMs.p50} ms, p95 ${r.queryMs.p95} ms${!r.bm25 ? '' : `; bm25 ranked ${r.bm25.state === 'memory' ? 'from in-memory postings' : `from the index per query (${r.bm25.reason})`}`}`);
    if (a.trecRun) out(`  run written to ${a.trecRun}`);
  } finally {
    interrupt.release();
    if (tty) process.stderr.write('\r\x1b[2K');
  }
}
