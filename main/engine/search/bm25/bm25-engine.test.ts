import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedDir, tempDir } from '../../../../test/helpers/shared.js';
import { createEngine, type DelveEngine } from '../../index.js';

const QUERIES = ['retrieval augmented generation', 'sleep and memory consolidation', 'CRISPR gene editing off-target effects', 'climate'];

/** Waits for the postings load the last search started (no clock): then BM25 must rank from memory. */
async function inMemory(engine: DelveEngine): Promise<void> {
  const status = await engine.bm25Settled();
  assert.equal(status.state, 'memory', JSON.stringify(status));
}

const ranked = async (engine: DelveEngine, q: string) =>
  (await engine.search(q, { mode: 'bm25', k: 20, history: false })).results.map((r) => `${r.chunkId}:${r.trace.bm25Score!.toFixed(9)}`);

test('the engine ranks BM25 from memory once the postings load, with the same results as FTS5, and follows new documents', async () => {
  const dir = tempDir('delve-bm25-engine-');
  const notes = join(dir, 'notes');
  cpSync(join(sharedDir(), 'notes'), notes, { recursive: true });
  // The reload waits for a quiet spell timed by this clock, so a slow machine cannot change the outcome.
  let clock = 0;
  const engine = await createEngine({ dbPath: join(dir, 'delve.db'), bm25: { now: () => clock } });
  try {
    await engine.index([notes]);
    assert.equal(engine.status().bm25?.state, 'fts5');
    assert.equal(engine.status().bm25?.reason, 'not loaded yet');
    const before = await Promise.all(QUERIES.map((q) => ranked(engine, q))); // FTS5 ranks these; the load starts
    await inMemory(engine);
    assert.ok(engine.status().bm25!.postings > 0);
    assert.deepEqual(await Promise.all(QUERIES.map((q) => ranked(engine, q))), before);

    writeFileSync(join(notes, 'zz-new.md'), '# Xylophone acoustics\n\nThe xylophonist tuned every bar of the xylophone.\n');
    await engine.index([notes]);
    const found = await engine.search('xylophonist', { mode: 'bm25', history: false });
    assert.equal(found.results[0]?.path, join(notes, 'zz-new.md'), 'a new document is found at once (the index answers directly while the postings are stale)');
    assert.equal(engine.status().bm25?.state, 'fts5');
    assert.match(engine.status().bm25!.reason!, /changed/);
    // After a quiet spell (however long the first load took) the postings are read again and include it.
    clock += 3_600_000;
    await engine.search('xylophonist', { mode: 'bm25', history: false });
    await inMemory(engine);
    assert.equal((await engine.search('xylophonist', { mode: 'bm25', history: false })).results[0]?.path, join(notes, 'zz-new.md'));
  } finally {
    engine.close();
  }
});

test('bm25MemoryMb: 0 reads each query from the index and says so', async () => {
  const dir = tempDir('delve-bm25-off-');
  const engine = await createEngine({ dbPath: join(dir, 'delve.db'), bm25MemoryMb: 0 });
  try {
    await engine.index([join(sharedDir(), 'notes')]);
    assert.ok((await engine.search('memory', { mode: 'bm25', history: false })).results.length > 0);
    assert.deepEqual(engine.status().bm25, { state: 'fts5', rows: 0, terms: 0, postings: 0, megabytes: 0, reason: 'turned off (bm25MemoryMb: 0)' });
    assert.deepEqual(await engine.bm25Settled(), engine.status().bm25, 'nothing loads, so it settles at once');
  } finally {
    engine.close();
  }
});
