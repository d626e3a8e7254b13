import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createEngine, type DelveEngine } from '../index.js';

const root = mkdtempSync(join(tmpdir(), 'delve-indexer-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function chunkRows(engine: DelveEngine, path: string): Promise<string[]> {
  const doc = engine.status().documents.find((d) => d.path === path);
  assert.ok(doc, `${path} not indexed`);
  return (await engine.search('section', { k: 1000 })).results.filter((r) => r.path === path).map((r) => `${r.chunkId}`).sort();
}

const para = (topic: string) => `This section discusses ${topic} in detail. `.repeat(20);

/** Writes `n` one-section notes named `${prefix}${i}.md` into a new folder under the test root. */
function notesFolder(name: string, n: number, prefix: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `${prefix}${i}.md`), `# ${prefix} ${i}\n\n${para(`${prefix}${i}`)}\n`);
  return dir;
}

test('incremental indexing: unchanged files are skipped, edits keep untouched chunks, moves keep rows, deletions remove', async () => {
  const dir = join(root, 'lib');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  const a = join(dir, 'a.md');
  writeFileSync(a, `# Alpha\n\n${para('alpha')}\n\n# Beta\n\n${para('beta')}\n\n# Gamma\n\n${para('gamma')}\n`);
  writeFileSync(join(dir, 'b.md'), `# Bee\n\n${para('bees')}\n`);
  const engine = await createEngine({ dbPath: join(root, 'inc.db'), workers: 2 });
  try {
    const first = await engine.index([dir]);
    assert.equal(first.changes.added, 2);
    assert.equal(first.documents, 2);

    const second = await engine.index([dir]);
    assert.deepEqual(second.changes, { added: 0, updated: 0, unchanged: 2, moved: 0, removed: 0 });

    // Touching a file without changing it costs a hash, not a parse.
    utimesSync(a, new Date(), new Date(Date.now() + 5000));
    const touched = await engine.index([dir]);
    assert.equal(touched.changes.updated, 0);

    // Editing one section keeps the chunks of the others.
    const before = await chunkRows(engine, a);
    writeFileSync(a, `# Alpha\n\n${para('alpha')}\n\n# Beta\n\n${para('bumblebees')}\n\n# Gamma\n\n${para('gamma')}\n`);
    const edited = await engine.index([dir]);
    assert.equal(edited.changes.updated, 1);
    const afterEdit = await chunkRows(engine, a);
    const kept = afterEdit.filter((id) => before.includes(id));
    assert.ok(kept.length >= 2 && kept.length < before.length, `kept ${kept.length} of ${before.length} chunk rows`);

    // Moving a file keeps its document row and chunk rows.
    const moved = join(dir, 'sub', 'a-moved.md');
    renameSync(a, moved);
    const mv = await engine.index([dir]);
    assert.equal(mv.changes.moved, 1);
    assert.equal(mv.changes.removed, 0);
    assert.deepEqual(await chunkRows(engine, moved), afterEdit);

    unlinkSync(join(dir, 'b.md'));
    const del = await engine.index([dir]);
    assert.equal(del.changes.removed, 1);
    assert.equal(del.documents, 1);
    assert.equal((await engine.search('bees')).results.length, 0);
  } finally {
    engine.close();
  }
});

test('changing chunk settings re-chunks on the next run and says so; status reports it until then', async () => {
  const dir = join(root, 'rechunk');
  mkdirSync(dir);
  writeFileSync(join(dir, 'n.md'), `# N\n\n${para('rechunking')}\n`);
  const db = join(root, 'rechunk.db');
  const e1 = await createEngine({ dbPath: db, chunk: { targetChars: 1200, overlapChars: 100 } });
  await e1.index([dir]);
  e1.close();
  const e2 = await createEngine({ dbPath: db, chunk: { targetChars: 400, overlapChars: 50 } });
  try {
    assert.equal(e2.status().totals.staleChunking, 1);
    const s = await e2.index([dir]);
    assert.equal(s.rechunked, 1);
    assert.equal(e2.status().totals.staleChunking, 0);
    assert.ok(s.chunks > 1);
  } finally {
    e2.close();
  }
});

test('cancelling a run keeps what was written and the next run completes it', async () => {
  const dir = notesFolder('cancel', 400, 'n');
  const engine = await createEngine({ dbPath: join(root, 'cancel.db'), workers: 1 });
  try {
    const controller = new AbortController();
    await assert.rejects(engine.index([dir], {
      signal: controller.signal,
      onProgress: (p) => { if (p.phase === 'parse' && p.done >= 1) controller.abort(); },
    }), (err: Error & { code?: string }) => err.name === 'AbortError' || err.code === 'CANCELLED');
    const partial = engine.status().totals.documents;
    assert.ok(partial >= 1 && partial < 400, `${partial} documents written before cancel`);
    const s = await engine.index([dir]);
    assert.equal(s.documents, 400);
    assert.equal(s.changes.unchanged, partial);
  } finally {
    engine.close();
  }
});

test('progress events are throttled and carry rate and ETA', async () => {
  const dir = notesFolder('progress', 40, 'p');
  const engine = await createEngine({ dbPath: join(root, 'progress.db') });
  const events: import('../types.js').IndexProgress[] = [];
  try {
    await engine.index([dir], { onProgress: (p) => events.push(p) });
  } finally {
    engine.close();
  }
  const last = events[events.length - 1]!;
  assert.equal(last.phase, 'done');
  assert.equal(last.done, 40);
  assert.ok(events.length < 40, `${events.length} events for 40 files: throttled`);
  assert.ok(events.some((e) => e.phase === 'parse' && e.pagesPerSec >= 0 && e.total === 40));
});

test('watching a folder re-indexes after a change', async () => {
  const dir = join(root, 'watch');
  mkdirSync(dir);
  writeFileSync(join(dir, 'w.md'), '# W\n\nplatypus\n');
  const engine = await createEngine({ dbPath: join(root, 'watch.db') });
  try {
    await engine.index([dir]);
    let seen!: () => void;
    const reindexed = new Promise<void>((resolve) => { seen = resolve; });
    const stop = await engine.watch([dir], { debounceMs: 200, onIndexed: (s) => { if (s.changes.added === 1) seen(); } });
    writeFileSync(join(dir, 'new.md'), '# New\n\nechidna\n');
    await reindexed;
    await stop();
    assert.equal((await engine.search('echidna')).results[0]?.path, join(dir, 'new.md'));
  } finally {
    engine.close();
  }
});
