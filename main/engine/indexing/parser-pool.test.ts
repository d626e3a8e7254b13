/** Parser workers started ahead of an index run: adopted when they fit, ended when they do not. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import test from 'node:test';
import { DEFAULT_CHUNK_OPTIONS } from '../chunk/chunker.js';
import { pdfPath, sharedPdfs } from '../../../test/helpers/pdf-fixtures.js';
import { openParsers, poolSize, prestartParsers, releaseParsers, SMALL_JOB_BYTES, startingWorkers } from './parser-pool.js';
import type { ParseTask } from './parse.js';

const LIMIT = 180_000;
const pdfTask = (file: string): ParseTask => ({ path: pdfPath(file), kind: 'pdf', knownHash: null, rechunk: false, maxBytes: 1 << 30, chunk: DEFAULT_CHUNK_OPTIONS });
const firstPdf = () => sharedPdfs().find((f) => !f.startsWith('scanned'))!;

test('an index run adopts the started workers, which parse PDFs', async () => {
  const started = prestartParsers(2, LIMIT);
  const pool = await openParsers(2, LIMIT, 10, 1024, true);
  try {
    assert.equal(pool, await started);
    const [outcome] = await pool.run([pdfTask(firstPdf())]);
    assert.equal(outcome?.type, 'parsed');
    assert.ok(outcome?.type === 'parsed' && outcome.chunks.length > 0);
  } finally {
    await pool.close();
  }
  // Adopted once: the next run starts its own.
  const next = await openParsers(2, LIMIT, 1, 1024, false);
  try {
    assert.notEqual(next, pool);
  } finally {
    await next.close();
  }
});

test('started workers that do not fit the run are ended, and the run gets its own', async () => {
  const started = prestartParsers(2, LIMIT);
  const pool = await openParsers(1, LIMIT, 10, 1024, true); // fewer workers asked for than were started
  try {
    assert.notEqual(pool, await started);
    await assert.rejects((await started).run([pdfTask(firstPdf())]), { code: 'CANCELLED' });
    const [outcome] = await pool.run([pdfTask(firstPdf())]);
    assert.equal(outcome?.type, 'parsed');
  } finally {
    await pool.close();
  }
});

test('a small job gets the idle cores (at least one worker); a large one every worker; never more workers than tasks', () => {
  const mib11 = 11 * 1024 * 1024;
  assert.equal(poolSize(2, 16, mib11, 2), 2); // a quiet 2-core machine
  assert.equal(poolSize(2, 16, mib11, 0.9), 1);
  assert.equal(poolSize(2, 16, mib11, -3), 1); // busy: load average 5
  assert.equal(poolSize(2, 16, SMALL_JOB_BYTES, -3), 2);
  assert.equal(poolSize(8, 100, 1024, 5.6), 6);
  assert.equal(poolSize(8, 3, SMALL_JOB_BYTES * 4, 8), 3);
  assert.equal(poolSize(1, 16, 1024, 4), 1);
  assert.equal(startingWorkers(2, 2), 2);
  assert.equal(startingWorkers(2, -1), 1);
  assert.equal(startingWorkers(4, 3.7), 4);
});

test('started workers are grown to the size of a large run', async () => {
  const started = prestartParsers(1, LIMIT);
  const pool = await openParsers(3, LIMIT, 10, SMALL_JOB_BYTES * 2, true);
  try {
    assert.equal(pool, await started);
    assert.equal(pool.size, 3);
    const outcomes = await Promise.all([0, 1, 2].map(() => pool.run([pdfTask(firstPdf())])));
    assert.deepEqual(outcomes.map((r) => r[0]?.type), ['parsed', 'parsed', 'parsed']);
  } finally {
    await pool.close();
  }
});

test('releaseParsers ends started workers no run took', async () => {
  const started = prestartParsers(1, LIMIT);
  await releaseParsers();
  await assert.rejects((await started).run([pdfTask(firstPdf())]), { code: 'CANCELLED' });
});

test('started workers do not keep a process alive', () => {
  const url = new URL('./parser-pool.js', import.meta.url).href;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(url)}); await m.prestartParsers(2, 1000);`], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.signal, null, 'the process had to be killed: the idle workers kept it alive');
  assert.equal(r.status, 0, r.stderr);
});
