/**
 * Library folders: totals per folder, and forgetting one: its documents leave the index (a search
 * no longer finds them, the FTS index stays consistent, their vectors go), documents that also lie
 * under another folder stay, and an unknown folder is a BAD_ARGUMENT naming the folders there are.
 * A removal issued while that folder is being indexed waits for the index, so nothing comes back.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/shared.js';
import { createEngine, type EngineError } from '../index.js';
import { openDb } from '../store/db.js';
import { ensureVectorTable } from '../store/vectors.js';
import { syncQuantized } from '../store/quantized.js';

test('roots: totals per folder; removing one forgets its documents, their FTS rows and vectors', async () => {
  const dir = tempDir('library-roots-');
  const heart = join(dir, 'heart');
  const lungs = join(dir, 'lungs');
  const nested = join(lungs, 'asthma');
  mkdirSync(nested, { recursive: true });
  mkdirSync(heart);
  writeFileSync(join(heart, 'hf.md'), '# Heart failure\n\nTreadmill training improved peak oxygen uptake in heart failure.\n');
  writeFileSync(join(heart, 'af.md'), '# Atrial fibrillation\n\nAnticoagulation lowered the stroke rate in atrial fibrillation.\n');
  writeFileSync(join(heart, 'empty.md'), '');
  writeFileSync(join(lungs, 'copd.md'), '# COPD\n\nPulmonary rehabilitation improved walking distance in COPD.\n');
  writeFileSync(join(nested, 'vitd.md'), '# Vitamin D\n\nVitamin D did not reduce asthma exacerbations. Treadmill training was not studied.\n');
  const dbPath = join(dir, 'd.db');
  const engine = await createEngine({ dbPath, workers: 1 });
  await engine.index([heart, lungs]);
  await engine.index([nested]);
  const roots = engine.roots();
  assert.deepEqual(roots.map((r) => r.path), [heart, lungs, nested]);
  const heartRoot = roots[0]!;
  assert.deepEqual([heartRoot.documents, heartRoot.errors, heartRoot.pages, heartRoot.chunks], [2, 1, 0, 2], 'notes have no pages; the empty one is an error');
  assert.ok(heartRoot.addedAt > Date.now() - 60_000);
  assert.deepEqual([roots[1]!.documents, roots[2]!.documents], [2, 1], 'a folder counts what lies under it, sub-folders included');

  // Vectors for every chunk, as an embedding job would leave them, with a quantised copy.
  const { db, vec } = await openDb(dbPath);
  assert.ok(vec.version, vec.error ?? '');
  const t = ensureVectorTable(db, { id: 'test', fingerprint: 'f', dims: 8 });
  const hashes = db.prepare('SELECT DISTINCT hash FROM chunks').pluck().all() as string[];
  const put = db.prepare(`INSERT INTO ${t.table} (chunk_hash, embedding) VALUES (?, ?)`);
  hashes.forEach((h, i) => put.run(h, new Float32Array(8).fill(i + 1)));
  syncQuantized(db, t.table, 'bit');
  const heartHashes = db.prepare("SELECT DISTINCT hash FROM chunks WHERE substr((SELECT path FROM documents d WHERE d.id = doc_id), 1, ?) = ?").pluck().all(heart.length + 1, heart + '/') as string[];
  assert.ok(heartHashes.length >= 2);

  const found = async (q: string) => (await engine.search(q, { mode: 'bm25', history: false })).results.map((r) => r.path);
  assert.ok((await found('treadmill')).includes(join(heart, 'hf.md')));
  assert.deepEqual(await engine.removeRoot(heart + '/'), { documents: 3 });
  assert.deepEqual(await found('treadmill'), [join(nested, 'vitd.md')], 'the removed folder\'s notes are not found any more');
  assert.deepEqual(await found('anticoagulation'), []);
  assert.deepEqual(engine.roots().map((r) => r.path), [lungs, nested]);
  db.exec("INSERT INTO chunks_fts (chunks_fts) VALUES ('integrity-check')");
  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  assert.equal(count(t.table), hashes.length - heartHashes.length, 'their vectors are gone, the others stay');
  assert.equal(count(`${t.table}_bit`), hashes.length - heartHashes.length, 'from the quantised copy too');

  // A folder inside another folder of the library: its document stays, under the parent.
  assert.deepEqual(await engine.removeRoot(nested), { documents: 0 });
  assert.deepEqual(engine.roots().map((r) => [r.path, r.documents]), [[lungs, 2]]);
  assert.deepEqual(await engine.removeRoot(lungs), { documents: 2 });
  assert.equal(count('documents'), 0);
  await assert.rejects(engine.removeRoot(heart), (e: EngineError) => e.code === 'BAD_ARGUMENT' && /is not a folder of the library; it has no folders/.test(e.message));
  db.close();
  engine.close();
});

test('an unknown folder names the folders there are', async () => {
  const dir = tempDir('library-roots-unknown-');
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a', 'n.md'), '# N\n\ntext here\n');
  const engine = await createEngine({ dbPath: join(dir, 'd.db'), workers: 1 });
  await engine.index([join(dir, 'a')]);
  await assert.rejects(engine.removeRoot(join(dir, 'b')), (e: EngineError) => e.code === 'BAD_ARGUMENT' && e.message.includes(`its folders are ${join(dir, 'a')}`));
  await assert.rejects(engine.removeRoot(''), (e: EngineError) => e.code === 'BAD_ARGUMENT');
  assert.equal(engine.roots()[0]!.documents, 1);
  engine.close();
});

test('removing a folder while it is being indexed waits for the index; none of its documents stay', async () => {
  const dir = tempDir('library-roots-busy-');
  const folder = join(dir, 'papers');
  const other = join(dir, 'other');
  mkdirSync(folder);
  mkdirSync(other);
  writeFileSync(join(folder, 'first.md'), '# First\n\nTreadmill training in heart failure.\n');
  writeFileSync(join(other, 'keep.md'), '# Keep\n\nPulmonary rehabilitation in COPD.\n');
  const engine = await createEngine({ dbPath: join(dir, 'd.db'), workers: 2 });
  await engine.index([folder, other]);
  for (let i = 0; i < 40; i++) writeFileSync(join(folder, `n${i}.md`), `# Note ${i}\n\nStroke prevention number ${i} with anticoagulation.\n`);
  const order: string[] = [];
  const indexing = engine.index([folder]).then((s) => { order.push('index'); return s; });
  const removing = (async () => engine.removeRoot(folder))().then((r) => { order.push('remove'); return r; });
  const [summary, removed] = await Promise.all([indexing, removing]);
  assert.deepEqual(order, ['index', 'remove'], 'the removal ran after the index finished');
  assert.ok(summary.changes.added >= 40, `the index added the new notes (${JSON.stringify(summary)})`);
  assert.deepEqual(removed, { documents: 41 }, 'it removed what the index had just added too');
  assert.deepEqual(engine.roots().map((r) => [r.path, r.documents]), [[other, 1]]);
  assert.equal(engine.status().totals.documents, 1);
  assert.deepEqual((await engine.search('anticoagulation', { mode: 'bm25', history: false })).results, []);
  engine.close();
});
