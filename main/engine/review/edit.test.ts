/**
 * A review that can be edited, through the engine over notes indexed by the real indexer: evidence
 * fields and quote bounds, removal with undo, the user's own order, a viewer selection saved with
 * the passage's own words; collections renamed, duplicated, deleted and restored. Exports follow.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/shared.js';
import { createEngine } from '../index.js';

const METHOD = 'Patients walked on a treadmill three times weekly for twelve weeks, supervised by a physiotherapist in the clinic.';
const RESULT = 'Peak oxygen uptake rose by fifteen percent in the training group while the control group stayed unchanged.';

async function setup() {
  const dir = tempDir('review-edit-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'heart.md'), `---\ntitle: Heart study\nyear: 2020\n---\n# Heart study\n\n## Methods\n\n${METHOD}\n\n## Results\n\n${RESULT}\n`);
  writeFileSync(join(notes, 'asthma.md'), '# Asthma notes\n\nVitamin D supplementation did not reduce asthma exacerbations in adults.\n');
  const engine = await createEngine({ dbPath: join(dir, 'd.db'), workers: 1, chunk: { targetChars: 200, overlapChars: 0 }, bm25MemoryMb: 0 });
  await engine.index([notes]);
  const chunk = async (q: string) => (await engine.search(q, { mode: 'bm25', history: false })).results[0]!;
  return { engine, chunk };
}

test('evidence: stance, note, tags and quote bounds are edited and validated; exports show the edits', async () => {
  const { engine, chunk } = await setup();
  engine.createCollection('hf');
  const hit = await chunk('treadmill physiotherapist');
  const ev = engine.addEvidence('hf', { chunkId: hit.chunkId });
  assert.match(ev.quote, /Patients walked on a treadmill/, 'saved without a quote: the whole passage');
  const edited = engine.updateEvidence(ev.id, { stance: 'supports', note: 'the dose', tags: ['method', ' method ', 'dose'], quote: 'walked on a\n  treadmill three times weekly' });
  assert.deepEqual([edited.stance, edited.note, edited.tags, edited.quote], ['supports', 'the dose', ['method', 'dose'], 'walked on a treadmill three times weekly']);
  assert.equal(edited.charEnd! - edited.charStart!, edited.quote.length);
  assert.throws(() => engine.updateEvidence(ev.id, { quote: 'oxygen uptake rose' }), /words of its passage/);
  assert.throws(() => engine.updateEvidence(ev.id, { quote: '  ' }), /cannot be empty/);
  assert.throws(() => engine.updateEvidence(ev.id, { stance: 'maybe' as never }), /stance must be/);
  assert.throws(() => engine.updateEvidence(999, { note: 'x' }), /no evidence 999/);
  assert.equal(engine.evidence('hf')[0]!.quote, 'walked on a treadmill three times weekly', 'a refused edit changes nothing');
  const md = engine.exportCollection('hf', 'md');
  assert.match(md, /walked on a treadmill three times weekly/);
  assert.match(md, /the dose/);
  const csv = engine.exportCollection('hf', 'csv');
  assert.match(csv, /supports/);
  engine.close();
});

test('evidence: removal is undone by restoring; the order is the user\'s own', async () => {
  const { engine, chunk } = await setup();
  engine.createCollection('hf');
  const a = engine.addEvidence('hf', { chunkId: (await chunk('treadmill')).chunkId });
  const b = engine.addEvidence('hf', { chunkId: (await chunk('oxygen uptake')).chunkId });
  const c = engine.addEvidence('hf', { chunkId: (await chunk('vitamin asthma')).chunkId });
  const ids = () => engine.evidence('hf', 'manual').map((r) => r.id);
  assert.deepEqual(ids(), [a.id, b.id, c.id], 'the order added until something moves');
  assert.deepEqual(engine.moveEvidence(c.id, 0), [c.id, a.id, b.id]);
  assert.deepEqual(ids(), [c.id, a.id, b.id]);
  engine.moveEvidence(c.id, 99);
  assert.deepEqual(ids(), [a.id, b.id, c.id], 'a place past the end is the end');
  const removed = engine.removeEvidence(b.id);
  assert.equal(removed.id, b.id);
  assert.deepEqual(ids(), [a.id, c.id]);
  assert.equal(engine.collections()[0]!.evidence, 2);
  assert.doesNotMatch(engine.exportCollection('hf', 'md'), /oxygen uptake/, 'exports leave removed evidence out');
  assert.throws(() => engine.removeEvidence(b.id), /no evidence/);
  assert.equal(engine.restoreEvidence(b.id).id, b.id);
  assert.deepEqual(ids(), [a.id, b.id, c.id], 'back in its place');
  assert.throws(() => engine.restoreEvidence(b.id), /no removed evidence/);
  const d = engine.addEvidence('hf', { chunkId: (await chunk('treadmill')).chunkId });
  assert.deepEqual(ids(), [a.id, b.id, c.id, d.id], 'new evidence goes last');
  engine.close();
});

test('a selection made in the viewer is saved with the passage\'s own words and its chunk', async () => {
  const { engine, chunk } = await setup();
  engine.createCollection('hf');
  const hit = await chunk('oxygen uptake');
  const ev = engine.addEvidence('hf', { docId: hit.docId, page: null, quote: 'Peak oxygen\nuptake  rose by fifteen percent' });
  assert.deepEqual([ev.quote, ev.chunkId], ['Peak oxygen uptake rose by fifteen percent', hit.chunkId]);
  assert.equal(ev.charEnd! - ev.charStart!, ev.quote.length);
  engine.close();
});

test('collections: rename, duplicate, delete and restore; nothing is lost', async () => {
  const { engine, chunk } = await setup();
  engine.createCollection('hf');
  const ev = engine.addEvidence('hf', { chunkId: (await chunk('treadmill')).chunkId }, { note: 'n1' });
  engine.addEvidence('hf', { chunkId: (await chunk('oxygen')).chunkId });
  const gone = engine.addEvidence('hf', { chunkId: (await chunk('vitamin')).chunkId });
  engine.removeEvidence(gone.id);
  assert.equal(engine.renameCollection('hf', 'Heart').name, 'Heart');
  assert.throws(() => engine.evidence('hf'), /no collection named "hf"/);
  const copy = engine.duplicateCollection('Heart', 'Heart copy');
  assert.equal(copy.evidence, 2, 'removed evidence is not copied');
  engine.updateEvidence(engine.evidence('Heart copy', 'manual')[0]!.id, { note: 'changed in the copy' });
  assert.equal(engine.evidence('Heart', 'manual')[0]!.note, 'n1', 'the copy is independent');
  assert.throws(() => engine.duplicateCollection('Heart', 'Heart copy'), /already exists/);
  assert.throws(() => engine.renameCollection('Heart', ' '), /needs a name/);

  const deleted = engine.deleteCollection('Heart');
  assert.deepEqual([deleted.name, deleted.evidence], ['Heart', 2]);
  assert.deepEqual(engine.collections().map((c) => c.name), ['Heart copy']);
  assert.deepEqual(engine.deletedCollections().map((c) => [c.id, c.name]), [[deleted.id, 'Heart']]);
  assert.throws(() => engine.exportCollection('Heart', 'md'), /no collection named/);
  engine.createCollection('Heart'); // its name is free again
  const back = engine.restoreCollection(deleted.id);
  assert.deepEqual([back.name, back.evidence], ['Heart (restored)', 2]);
  assert.equal(engine.evidence('Heart (restored)', 'manual')[0]!.id, ev.id, 'with the same evidence');
  assert.throws(() => engine.restoreCollection(deleted.id), /no deleted collection/);
  assert.deepEqual(engine.deletedCollections(), []);
  engine.close();
});
