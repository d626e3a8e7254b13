/**
 * `npm run bench:cli`: the CLI as a user runs it, whole processes, against baselines in the same run.
 *  - `delve index ../shared/pdfs` (a fresh library each round, OCR off) against `pdftotext` over the same files,
 *    one process per file as a script would run it: pages/s and the ratio (goal ≥ 0.5, target 1.0).
 *  - `delve search` cold (a new process per query, the library on disk) against `node -e 0`, the floor any Node
 *    CLI pays: median wall time (goal ≤ 300 ms) and the time above the floor.
 * Rounds are interleaved (A, B, A, B…) so that a load change on this noisy machine hits both sides alike; medians.
 * BENCH_BASELINE=<another checkout>/bin/delve.js times that build's CLI too, in the same rounds (before/after).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDir, tempDir } from '../helpers/shared.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CLI = fileURLToPath(new URL('../../../bin/delve.js', import.meta.url));
const BASELINE = process.env.BENCH_BASELINE;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * CPU time (user + system, ms) of this process's finished children, from /proc (Linux; null elsewhere):
 * on a machine shared with other jobs it moves far less than wall time does.
 */
function childrenCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10; // cutime, cstime in ticks of 10 ms (USER_HZ = 100)
}

/** CPU time per side, in ms (empty where /proc is missing). */
const cpu: Record<string, number[]> = {};

/** Wall time of one process, in ms (its CPU time goes to cpu[side]); throws with its stderr if it fails. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, side = ''): number {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  const c1 = childrenCpuMs();
  if (side && c0 !== null && c1 !== null) (cpu[side] ??= []).push(c1 - c0);
  return ms;
}

function pdfPages(files: string[]): number {
  let n = 0;
  for (const f of files) n += Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [f], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
  return n;
}

function main(): void {
  const pdfDir = join(sharedDir(), 'pdfs');
  const files = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).map((f) => join(pdfDir, f));
  const pages = pdfPages(files);
  const env = { ...process.env, DELVE_OCR: '0' };

  const delveIndex: number[] = [];
  const baseIndex: number[] = [];
  const pdftotext: number[] = [];
  const dbs = tempDir('delve-cli-bench-');
  let lastDb = '';
  for (let i = 0; i < ROUNDS; i++) {
    lastDb = join(dbs, `delve-${i}.db`);
    delveIndex.push(timed(process.execPath, [CLI, 'index', pdfDir, '--db', lastDb, '--json'], env, 'delve'));
    const c0 = childrenCpuMs();
    pdftotext.push(files.reduce((ms, f) => ms + timed('pdftotext', [f, '-']), 0));
    const c1 = childrenCpuMs();
    if (c0 !== null && c1 !== null) (cpu.pdftotext ??= []).push(c1 - c0);
    if (BASELINE) baseIndex.push(timed(process.execPath, [BASELINE, 'index', pdfDir, '--db', join(dbs, `baseline-${i}.db`), '--json'], env, 'baseline'));
  }

  const queries = ['heart failure patients', 'citation graph', 'access control requirements', 'ACE inhibitors', 'evaluation of long documents'];
  const cold: number[] = [];
  const baseCold: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    for (const q of queries) {
      cold.push(timed(process.execPath, [CLI, 'search', q, '--db', lastDb, '-k', '10', '--json'], env));
      floor.push(timed(process.execPath, ['-e', '0']));
      if (BASELINE) baseCold.push(timed(process.execPath, [BASELINE, 'search', q, '--db', lastDb, '-k', '10', '--json'], env));
    }
  }

  const delvePps = pages / (median(delveIndex) / 1000);
  const popplerPps = pages / (median(pdftotext) / 1000);
  const report = {
    files: files.length, pages, rounds: ROUNDS,
    index: { delvePagesPerSec: round(delvePps, 1), pdftotextPagesPerSec: round(popplerPps, 1), ratio: round(delvePps / popplerPps), goal: 0.5,
      mediansMs: { delve: Math.round(median(delveIndex)), pdftotext: Math.round(median(pdftotext)) },
      ...(cpu.delve && cpu.pdftotext ? { cpuMediansMs: { delve: median(cpu.delve), pdftotext: median(cpu.pdftotext), ...(cpu.baseline ? { baseline: median(cpu.baseline) } : {}) } } : {}) },
    search: { coldMedianMs: Math.round(median(cold)), nodeFloorMedianMs: Math.round(median(floor)),
      aboveFloorMs: Math.round(median(cold) - median(floor)), goalMs: 300, runs: cold.length },
    ...(BASELINE ? { baseline: { cli: BASELINE, indexPagesPerSec: round(pages / (median(baseIndex) / 1000), 1),
      indexRatio: round(median(pdftotext) / median(baseIndex)), indexMedianMs: Math.round(median(baseIndex)), searchColdMedianMs: Math.round(median(baseCold)) } } : {}),
    loadAverage: loadavg().map((x) => round(x, 1)),
  };
  console.log(`delve index: ${report.index.delvePagesPerSec} pages/s vs pdftotext ${report.index.pdftotextPagesPerSec} pages/s (ratio ${report.index.ratio}; goal ≥ 0.5)`);
  if (report.index.cpuMediansMs) console.log(`  CPU time (user + sys), median: delve ${report.index.cpuMediansMs.delve} ms, pdftotext ${report.index.cpuMediansMs.pdftotext} ms${BASELINE ? `, baseline ${report.index.cpuMediansMs.baseline} ms` : ''}`);
  console.log(`delve search cold: median ${report.search.coldMedianMs} ms (node -e 0: ${report.search.nodeFloorMedianMs} ms; goal ≤ 300 ms)`);
  if (report.baseline) console.log(`baseline ${BASELINE}: index ${report.baseline.indexPagesPerSec} pages/s (ratio ${report.baseline.indexRatio}), search cold ${report.baseline.searchColdMedianMs} ms`);
  console.log(`load average at the end: ${report.loadAverage.join(' ')}`);
  console.log(JSON.stringify(report));
}

main();
