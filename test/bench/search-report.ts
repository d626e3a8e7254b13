/**
 * The search benchmark's report: one table row per (size, contender) with p50/p95 and their ratio to
 * LanceDB's flat search at the same size, the hybrid goals (p95 ≤ 50 ms at 100k, ≤ 100 ms at 1M), and
 * the JSON form.
 */
import type { EmbedTiming } from './search-embedder.js';
import { round, type Latency } from './search-timing.js';

export interface SizeReport {
  chunks: number;
  latency: Latency[];
  /** Mean number of chunks in both the BM25 and the dense top-100 (hybrid has something to fuse). */
  meanSharedCandidates: number;
  /** Mean share of Delve's dense top-10 that LanceDB's flat top-10 also returns (same vectors: ~1). */
  delveLanceTop10Agreement: number;
  delveBuildMs: number;
  lanceBuildMs: number;
  /** The corpus came from the on-disk cache (its build times are from the run that built it). */
  cachedBuild: boolean;
  /** Extra per-size facts (e.g. recall of quantised search). */
  extra?: Record<string, unknown>;
}

export interface Report {
  cores: number;
  sqliteVec: string | null;
  queries: number;
  rounds: number;
  k: number;
  candidates: number;
  vectors: string;
  queryEmbedding: EmbedTiming | null;
  sizes: SizeReport[];
}

export const LANCE_ROW = 'lancedb flat vectorSearch (100)';
export const IVF_ROW = 'lancedb IVF_PQ vectorSearch (100)';
export const HYBRID_ROW = 'delve search() hybrid';
export const HYBRID_SQLITE_ROW = 'delve search() hybrid, sqlite-vec KNN';
export const HYBRID_BIT_ROW = 'delve search() hybrid, bit+rescore';
/** Hybrid p95 goals by size: the first size at or above `chunks` is judged against `ms`. */
export const GOALS = [{ chunks: 100_000, ms: 50 }, { chunks: 1_000_000, ms: 100 }];

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

export interface Goal {
  chunks: number;
  goalMs: number;
  /** The default path: exact dense search by the in-memory scan. */
  hybridP95: number;
  met: boolean;
  hybridSqliteP95: number | null;
  hybridBitP95: number | null;
  metWithBit: boolean | null;
}

export function goals(r: Report): Goal[] {
  const out: Goal[] = [];
  for (const { chunks, ms } of GOALS) {
    const big = r.sizes.find((s) => s.chunks >= chunks && s.chunks < chunks * 10) ?? null;
    const p95 = big?.latency.find((l) => l.name === HYBRID_ROW)?.p95;
    const bit = big?.latency.find((l) => l.name === HYBRID_BIT_ROW)?.p95 ?? null;
    const sqlite = big?.latency.find((l) => l.name === HYBRID_SQLITE_ROW)?.p95 ?? null;
    if (big && p95 !== undefined) {
      out.push({
        chunks: big.chunks, goalMs: ms, hybridP95: round(p95, 1), met: p95 <= ms, hybridSqliteP95: sqlite === null ? null : round(sqlite, 1),
        hybridBitP95: bit === null ? null : round(bit, 1), metWithBit: bit === null ? null : bit <= ms,
      });
    }
  }
  return out;
}

export function printReport(r: Report, json: boolean): void {
  const out = json ? (s: string) => process.stderr.write(`${s}\n`) : (s: string) => process.stdout.write(`${s}\n`);
  out(`\nsearch latency, ms (${r.queries} SciFact queries × ${r.rounds} rounds after warm-up; k=${r.k}, ${r.candidates} candidates; ${r.cores} cores; sqlite-vec ${r.sqliteVec})`);
  out(`vectors: ${r.vectors}. Query embedding is NOT in these times.`);
  const head = `${pad('chunks', 8)}${pad('contender', 44)}${pad('p50', 9, true)}${pad('p95', 9, true)}${pad('mean', 9, true)}${pad('p50÷lance', 11, true)}${pad('p95÷lance', 11, true)}`;
  out(head);
  out('-'.repeat(head.length));
  for (const s of r.sizes) {
    const lance = s.latency.find((l) => l.name === LANCE_ROW);
    for (const l of s.latency) {
      const ratio = (a: number, b: number | undefined) => (b ? round(a / b, 2).toFixed(2) : '-');
      out(`${pad(String(s.chunks), 8)}${pad(l.name, 44)}${pad(l.p50.toFixed(1), 9, true)}${pad(l.p95.toFixed(1), 9, true)}${pad(l.mean.toFixed(1), 9, true)}` +
        `${pad(ratio(l.p50, lance?.p50), 11, true)}${pad(ratio(l.p95, lance?.p95), 11, true)}`);
    }
    out(`${pad('', 8)}candidates in both lists (mean of 100): ${s.meanSharedCandidates}; Delve/LanceDB dense top-10 agreement: ${s.delveLanceTop10Agreement}; ` +
      `build${s.cachedBuild ? ' (cached, from the run that built it)' : ''}: Delve ${round(s.delveBuildMs / 1000, 1)} s, LanceDB ${round(s.lanceBuildMs / 1000, 1)} s`);
    for (const [k, v] of Object.entries(s.extra ?? {})) out(`${pad('', 8)}${k}: ${JSON.stringify(v)}`);
  }
  const e = r.queryEmbedding;
  if (e) out(e.error ? `query embedding (excluded above): not measured: ${e.error}` :
    `query embedding (excluded above), real encoder on ${e.model} (2×32 random weights, far cheaper than MiniLM): p50 ${e.p50.toFixed(1)} ms, p95 ${e.p95.toFixed(1)} ms`);
  const gs = goals(r);
  for (const g of gs) {
    out(`goal: hybrid p95 ≤ ${g.goalMs} ms at ${g.chunks} chunks: default path (memory scan) ${g.met ? 'MET' : 'NOT MET'} (p95 ${g.hybridP95} ms)` +
      (g.hybridSqliteP95 === null ? '' : `; exact sqlite-vec KNN p95 ${g.hybridSqliteP95} ms`) +
      (g.hybridBitP95 === null ? '' : `; opt-in bit+rescore path ${g.metWithBit ? 'MET' : 'NOT MET'} (p95 ${g.hybridBitP95} ms)`));
  }
  if (gs.length === 0) out('goal: no 100k or 1M size measured');
  if (json) process.stdout.write(`${JSON.stringify({ ...r, goals: gs }, null, 2)}\n`);
}
