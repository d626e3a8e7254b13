/**
 * Collections and evidence through the engine, over a note folder indexed by the real indexer:
 * CRUD, evidence surviving re-indexing (and its document leaving and coming back), sorting,
 * search history and re-running a search.
 */
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/shared.js';
import { createEngine, EngineError } from '../index.js';

const SECTIONS = {
  intro: 'Exercise training improves outcomes in chronic heart failure, as several randomised trials have shown over the years.',
  method: 'Patients walked on a treadmill three times weekly for twelve weeks, supervised by a physiotherapist in the clinic.',
  result: 'Peak oxygen uptake rose by fifteen percent in the training group while the control group stayed unchanged.',
};
const note = (result: string) => `# Heart study\n\n## Introduction\n\n${SECTIONS.intro}\n\n## Methods\n\n${SECTIONS.method}\n\n## Results\n\n${result}\n`;

async function setup() {
  const dir = tempDir('review-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'heart.md'), `---\ntitle: Heart study\nauthors: [Anna Smith]\nyear: 2020\n---\n${note(SECTIONS.result)}`);
  writeFileSync(join(notes, 'asthma.md'), '# Asthma notes\n\nVitamin D supplementation did not reduce asthma exacerbations in adults with low vitamin D levels.\n');
  const engine = await createEngine({ dbPath: join(dir, 'd.db'), workers: 1, chunk: { targetChars: 200, overlapChars: 0 } });
  await engine.index([notes]);
  return { engine, notes };
}

test('collections: create, list, duplicate and unknown names are BAD_ARGUMENT', async () => {
  const { engine } = await setup();
  const c = engine.createCollection('Heart failure');
  assert.deepEqual([c.name, c.evidence], ['Heart failure', 0]);
  assert.throws(() => engine.createCollection('Heart failure'), (e: EngineError) => e.code === 'BAD_ARGUMENT' && /already exists/.test(e.message));
  assert.throws(() => engine.createCollection('  '), /needs a name/);
  assert.throws(() => engine.evidence('nope'), /no collection named "nope"/);
  assert.throws(() => engine.addEvidence('nope', { chunkId: 1 }), /no collection/);
  engine.createCollection('Asthma');
  assert.deepEqual(engine.collections().map((x) => x.name), ['Asthma', 'Heart failure']);
  engine.close();
});

test('evidence keeps its quote and page through re-indexing, and re-links to the unchanged chunk', async () => {
  const { engine, notes } = await setup();
  engine.createCollection('hf');
  const hit = (await engine.search('treadmill physiotherapist', { mode: 'bm25' })).results[0]!;
  assert.match(hit.snippetText, /treadmill/);
  const quote = 'walked on a treadmill three times weekly';
  const ev = engine.addEvidence('hf', { chunkId: hit.chunkId, quote }, {
    note: 'dose of exercise', tags: ['method', 'dose'], stance: 'background', query: { text: 'treadmill physiotherapist', mode: 'bm25', settings: { k: 10 } },
  });
  assert.deepEqual([ev.quote, ev.chunkId, ev.docId, ev.title, ev.authors, ev.year], [quote, hit.chunkId, hit.docId, 'Heart study', ['Anna Smith'], 2020]);
  assert.equal(ev.charEnd! - ev.charStart!, quote.length);
  const whole = engine.addEvidence('hf', { chunkId: hit.chunkId });
  assert.match(whole.quote, /^## Methods|Patients walked/);
  assert.throws(() => engine.addEvidence('hf', { chunkId: hit.chunkId, quote: 'not in there' }), /not in that chunk/);
  assert.throws(() => engine.addEvidence('hf', { chunkId: hit.chunkId }, { stance: 'maybe' as never }), /stance must be/);

  // Another section changes: the evidence's chunk keeps its row.
  const file = join(notes, 'heart.md');
  writeFileSync(file, `---\ntitle: Heart study\nauthors: [Anna Smith]\nyear: 2020\n---\n${note('Peak oxygen uptake rose by twenty percent, a larger effect than the earlier pilot reported.')}`);
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
  const s1 = await engine.index([notes]);
  assert.equal(s1.changes.updated, 1);
  let [row] = engine.evidence('hf', 'added');
  assert.deepEqual([row!.id, row!.quote, row!.page, row!.chunkId, row!.docId], [ev.id, quote, null, hit.chunkId, hit.docId]);

  // The document leaves the library: the evidence stays, unlinked; it comes back: re-linked by path and chunk hash.
  const away = join(notes, '..', 'heart.md.away');
  renameSync(file, away);
  await engine.index([notes]);
  [row] = engine.evidence('hf', 'added');
  assert.deepEqual([row!.quote, row!.chunkId, row!.docId, row!.title, row!.path], [quote, null, null, 'Heart study', file]);
  renameSync(away, file);
  await engine.index([notes]);
  const back = (await engine.search('treadmill physiotherapist', { mode: 'bm25' })).results[0]!;
  assert.notEqual(back.docId, hit.docId, 'a new document row');
  [row] = engine.evidence('hf', 'added');
  assert.deepEqual([row!.quote, row!.chunkId, row!.docId, row!.note, row!.tags, row!.stance], [quote, back.chunkId, back.docId, 'dose of exercise', ['method', 'dose'], 'background']);
  assert.deepEqual(row!.query, { text: 'treadmill physiotherapist', mode: 'bm25', settings: { k: 10 } });
  assert.equal(engine.collections()[0]!.evidence, 2);
  engine.close();
});

test('an excerpt by document and page; sorting by document, tag, stance, added', async () => {
  const { engine } = await setup();
  engine.createCollection('mixed');
  const asthma = (await engine.search('vitamin asthma', { mode: 'bm25' })).results[0]!;
  const heart = (await engine.search('oxygen uptake', { mode: 'bm25' })).results[0]!;
  const a = engine.addEvidence('mixed', { docId: asthma.docId, page: null, quote: 'did not reduce asthma exacerbations' }, { stance: 'contradicts', tags: ['zeta'] });
  assert.equal(a.chunkId, asthma.chunkId, 'the excerpt is found in its chunk');
  const h = engine.addEvidence('mixed', { chunkId: heart.chunkId, quote: 'Peak oxygen uptake rose' }, { stance: 'supports', tags: ['alpha'] });
  const b = engine.addEvidence('mixed', { docId: heart.docId, page: null, quote: 'Exercise training improves outcomes' });
  assert.throws(() => engine.addEvidence('mixed', { docId: heart.docId, page: 3, quote: 'Exercise' }), /no page 3/);
  const ids = (sort: Parameters<typeof engine.evidence>[1], order?: 'asc' | 'desc') => engine.evidence('mixed', sort, order).map((r) => r.id);
  assert.deepEqual(ids('document'), [a.id, b.id, h.id], 'by title (Asthma notes, Heart study), then position');
  assert.deepEqual(ids('tag'), [h.id, a.id, b.id], 'untagged last');
  assert.deepEqual(ids('stance'), [h.id, a.id, b.id]);
  assert.deepEqual(ids('added'), [a.id, h.id, b.id]);
  assert.deepEqual(ids('added', 'desc'), [b.id, h.id, a.id]);
  assert.throws(() => engine.evidence('mixed', 'colour' as never), /sort must be/);

  engine.close();
});

test('search history: every search recorded with its options, history: false skips, rerun uses the saved options', async () => {
  const { engine } = await setup();
  await engine.search('treadmill', { mode: 'bm25', k: 3 });
  await engine.search('vitamin', { mode: 'bm25', k: 5, history: false });
  await engine.search('oxygen uptake', { mode: 'bm25', k: 2, signal: new AbortController().signal });
  const h = engine.history(10);
  assert.deepEqual(h.map((x) => x.query), ['oxygen uptake', 'treadmill']);
  assert.deepEqual(h[0]!.options, { mode: 'bm25', k: 2 }, 'no signal in the saved options');
  assert.deepEqual([h[1]!.mode, h[1]!.results], ['bm25', 1]);
  assert.ok(h[0]!.ms >= 0);
  const again = await engine.rerun(h[1]!.id);
  assert.deepEqual([again.query, again.mode, again.results.length], ['treadmill', 'bm25', 1]);
  assert.equal(engine.history(1)[0]!.query, 'treadmill', 'the re-run is recorded too');
  assert.throws(() => engine.history(0), /limit/);
  await assert.rejects(engine.rerun(9999), /no search 9999/);
  engine.close();
});
