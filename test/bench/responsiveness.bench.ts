/**
 * `npm run bench:responsiveness`: the desktop host stays responsive while the engine indexes all of
 * ../shared (its pdfs/ and notes/). The host is Electron's main process and the engine runs in a
 * utility process; here the same split is a child process running the real engine-server.js
 * (engine-fork.ts) driven by the host's EngineClient, with index:progress relayed to a fake window.
 * In this process: event-loop delay (monitorEventLoopDelay, 10 ms resolution) over the whole job —
 * p50/p99/max — against an idle baseline taken first, the job's time and pages/s. Exits 1 if the
 * host's p99 reaches 50 ms. As the contrast, the same index run in process (createEngine on the
 * main thread, as a host without the utility process would) and its p99 (not a pass/fail figure).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../main/engine/index.js';
import type { IndexSummary } from '../../main/engine/api.js';
import { REPO_ROOT, sharedDir, tempDir } from '../helpers/shared.js';
import { forkEngine } from './engine-fork.js';
import { RESOLUTION_MS, idleLoopDelay, withLoopDelay, type DelayStats } from './loop-delay.js';

const P99_LIMIT_MS = 50;
const BASELINE_MS = 3000;

interface Run {
  ms: number;
  delay: DelayStats;
  documents: number;
  pages: number;
  chunks: number;
  skipped: number;
  pagesPerSec: number;
}

const run = (r: { ms: number; delay: DelayStats; result: IndexSummary }): Run => ({
  ms: r.ms,
  delay: r.delay,
  documents: r.result.documents,
  pages: r.result.pages,
  chunks: r.result.chunks,
  skipped: r.result.skipped.length,
  pagesPerSec: Math.round((r.result.pages / (r.ms / 1000)) * 10) / 10,
});

async function forkedRun(paths: string[]): Promise<{ run: Run; events: ReturnType<typeof forkEngine>['events']; exitCode: number | null }> {
  const dir = tempDir('delve-bench-resp-');
  const engine = forkEngine({ dataDir: dir, dbPath: join(dir, 'delve.db'), catalogDir: join(REPO_ROOT, 'models') });
  try {
    const r = await withLoopDelay(() => engine.client.call('index', [paths]));
    return { run: run(r), events: { ...engine.events }, exitCode: await engine.stop() };
  } catch (err) {
    await engine.stop();
    throw err;
  }
}

async function inProcessRun(paths: string[]): Promise<{ run: Run; progressEvents: number }> {
  const dir = tempDir('delve-bench-resp-');
  const engine = await createEngine({ dbPath: join(dir, 'delve.db') });
  let progressEvents = 0;
  try {
    const r = await withLoopDelay(() => engine.index(paths, {
      onProgress: (p) => {
        progressEvents++;
        JSON.stringify(p); // what relaying it to the window would cost
      },
    }));
    return { run: run(r), progressEvents };
  } finally {
    engine.close();
  }
}

async function main(): Promise<void> {
  const shared = sharedDir();
  const paths = [join(shared, 'pdfs'), join(shared, 'notes')];
  const baseline = await idleLoopDelay(BASELINE_MS);
  const forked = await forkedRun(paths);
  const inProcess = process.env.BENCH_SKIP_IN_PROCESS ? null : await inProcessRun(paths);
  const pass = forked.run.delay.p99Ms < P99_LIMIT_MS;
  const report = {
    cores: availableParallelism(),
    paths,
    resolutionMs: RESOLUTION_MS,
    limitP99Ms: P99_LIMIT_MS,
    baselineIdle: baseline,
    hostWithEngineProcess: { ...forked.run, relayedEvents: forked.events, engineExitCode: forked.exitCode },
    contrastEngineInProcess: inProcess && { ...inProcess.run, progressEvents: inProcess.progressEvents },
    pass,
  };
  console.log(JSON.stringify(report, null, 2));
  const d = forked.run.delay;
  console.log(
    `host event-loop delay while indexing ${forked.run.documents} documents (${forked.run.pages} pages, ${forked.run.ms} ms, ${forked.run.pagesPerSec} pages/s): ` +
    `p50 ${d.p50Ms} / p99 ${d.p99Ms} / max ${d.maxMs} ms (idle baseline p99 ${baseline.p99Ms} ms; limit p99 < ${P99_LIMIT_MS} ms) → ${pass ? 'PASS' : 'FAIL'}` +
    (inProcess ? `; engine in process instead: p99 ${inProcess.run.delay.p99Ms} ms, max ${inProcess.run.delay.maxMs} ms` : ''),
  );
  if (!pass) process.exitCode = 1;
}

await main();
