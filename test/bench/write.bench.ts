/**
 * `npm run bench:write [-- --json]`: time to write a library of 100,000 chunks of real text (SciFact
 * abstracts and the shared notes in paper-sized documents, write-corpus.ts) through Delve's real write
 * path — documents, pages, chunks and FTS5 as the indexer commits them, then every chunk's 384-d vector
 * through the embedding job (write-delve.ts) — against LanceDB appending the same rows (write-lance.ts),
 * each round into a fresh database, Delve and LanceDB alternating. Vectors are the search benchmark's
 * random projection (search-vectors.ts), computed before any clock starts (and cached, write-vectors.ts).
 * Environment: BENCH_CHUNKS (default 100000), BENCH_ROUNDS (3), BENCH_DOC_CHUNKS (chunks per
 * document, 60), BENCH_LANCE=0 to skip LanceDB, BENCH_LANCE_FTS=0 to skip its full-text index.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { sharedDir, tempDir } from '../helpers/shared.js';
import { benchChunks } from './search-corpus.js';
import { round } from './search-timing.js';
import { benchDocs } from './write-corpus.js';
import { delveWrite, type DelveWrite } from './write-delve.js';
import { lanceWrite, type LanceWrite } from './write-lance.js';
import { benchVectors } from './write-vectors.js';

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DOC_CHUNKS = Number(process.env.BENCH_DOC_CHUNKS ?? 60);
const LANCE = process.env.BENCH_LANCE !== '0';
const LANCE_FTS = process.env.BENCH_LANCE_FTS !== '0';

const median = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const sec = (ms: number) => round(ms / 1000, 2);

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const shared = sharedDir();
  const t0 = performance.now();
  const chunks = benchChunks(shared, CHUNKS);
  const vectors = benchVectors(chunks);
  const docs = benchDocs(chunks, DOC_CHUNKS);
  const chars = chunks.reduce((n, c) => n + c.text.length, 0);
  log(`corpus: ${chunks.length} chunks (${round(chars / chunks.length, 0)} chars on average) in ${docs.length} documents, vectors computed (${sec(performance.now() - t0)} s)`);

  const delve: DelveWrite[] = [];
  const lance: LanceWrite[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const dir = tempDir('delve-bench-write-');
    const d = await delveWrite(join(dir, 'library.db'), docs, vectors);
    if (d.chunks !== chunks.length || d.vectors !== chunks.length) throw new Error(`Delve wrote ${d.chunks} chunks and ${d.vectors} vectors, not ${chunks.length}`);
    delve.push(d);
    let line = `round ${r + 1}: Delve ${sec(d.documentsMs + d.vectorsMs)} s (documents ${sec(d.documentsMs)} s, vectors ${sec(d.vectorsMs)} s; CPU ${sec(d.documentsCpuMs + d.vectorsCpuMs)} s; waiting for a core ${sec(d.queuedMs)} s)`;
    if (LANCE) {
      const l = await lanceWrite(join(dir, 'lance'), docs, vectors, LANCE_FTS);
      if (l.rows !== chunks.length) throw new Error(`LanceDB wrote ${l.rows} rows, not ${chunks.length}`);
      lance.push(l);
      line += `; LanceDB ${sec(l.rowsMs)} s${LANCE_FTS ? ` (+ FTS index ${sec(l.ftsMs)} s)` : ''}; CPU ${sec(l.rowsCpuMs + (LANCE_FTS ? l.ftsCpuMs : 0))} s`;
    }
    log(line);
  }
  const med = <T>(xs: T[], f: (x: T) => number) => sec(median(xs.map(f)));
  const delveTotal = median(delve.map((d) => d.documentsMs + d.vectorsMs));
  const lanceRows = median(lance.map((l) => l.rowsMs));
  const lanceFts = median(lance.map((l) => l.rowsMs + l.ftsMs));
  const report = {
    cores: availableParallelism(), chunks: chunks.length, documents: docs.length, rounds: ROUNDS,
    delve: {
      totalS: sec(delveTotal), documentsS: med(delve, (d) => d.documentsMs), vectorsS: med(delve, (d) => d.vectorsMs),
      totalLessQueuedS: med(delve, (d) => d.documentsMs + d.vectorsMs - d.queuedMs),
      totalCpuS: med(delve, (d) => d.documentsCpuMs + d.vectorsCpuMs), documentsCpuS: med(delve, (d) => d.documentsCpuMs), vectorsCpuS: med(delve, (d) => d.vectorsCpuMs),
    },
    lance: LANCE ? { rowsS: sec(lanceRows), withFtsS: sec(lanceFts), rowsCpuS: med(lance, (l) => l.rowsCpuMs), withFtsCpuS: med(lance, (l) => l.rowsCpuMs + l.ftsCpuMs) } : null,
    ratio: LANCE ? { toLanceRows: round(delveTotal / lanceRows, 2), toLanceWithFts: round(delveTotal / lanceFts, 2) } : null,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const { delve: d, lance: l } = report;
  const rows: [string, number, number][] = [
    ['Delve total (documents + chunks + FTS5, then vectors)', d.totalS, d.totalCpuS],
    ['  documents, pages, chunks, FTS5 (indexer)', d.documentsS, d.documentsCpuS],
    ['  vectors (embedding job, sqlite-vec)', d.vectorsS, d.vectorsCpuS],
    ['Delve total less the time its thread waited for a core (≈ idle machine)', d.totalLessQueuedS, d.totalCpuS],
  ];
  if (l) {
    rows.push(['LanceDB rows with vectors', l.rowsS, l.rowsCpuS]);
    if (LANCE_FTS) rows.push(['LanceDB rows + FTS index', l.withFtsS, l.withFtsCpuS]);
  }
  process.stdout.write(`${chunks.length} chunks in ${docs.length} documents, median of ${ROUNDS} rounds, ${report.cores} cores\n\n| | wall s | CPU s |\n|---|---|---|\n`);
  for (const [name, wall, cpu] of rows) process.stdout.write(`| ${name} | ${wall} | ${cpu} |\n`);
  if (report.ratio) process.stdout.write(`\nDelve / LanceDB (wall): ${report.ratio.toLanceRows}× (rows only)${LANCE_FTS ? `, ${report.ratio.toLanceWithFts}× (with FTS)` : ''}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
