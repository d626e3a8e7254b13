import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../../test/helpers/shared.js';
import { createEngine } from '../../index.js';

test('the search box\'s operators through the engine: phrases, exclusions, filters, and notes for the rest', async () => {
  const dir = tempDir('delve-operators-');
  const lib = join(dir, 'lib');
  mkdirSync(join(lib, 'trials'), { recursive: true });
  writeFileSync(join(lib, 'trials', 'a.md'), '---\ntitle: A\nauthors: [Nuala Tully]\nyear: 2010\ntags: [rct]\n---\n# A\n\nHeart failure patients attended education sessions.\n');
  writeFileSync(join(lib, 'b.md'), '---\ntitle: B\nauthors: [Ann Other]\nyear: 2020\n---\n# B\n\nThe heart pumps; kidney failure was rare among these patients.\n');
  writeFileSync(join(lib, 'c.md'), '---\ntitle: C\nyear: 2021\n---\n# C\n\nHeart failure and rehab: exercise training in patients.\n');
  const engine = await createEngine({ dbPath: join(dir, 'd.db'), workers: 1, bm25MemoryMb: 0 });
  try {
    await engine.index([lib]);
    const titles = async (q: string) => (await engine.search(q, { mode: 'bm25', groupBy: 'document', history: false })).results.map((r) => r.title).sort();
    assert.deepEqual(await titles('heart failure'), ['A', 'B', 'C'], 'plain words: any of them');
    assert.deepEqual(await titles('"heart failure"'), ['A', 'C'], 'a phrase is required');
    assert.deepEqual(await titles('"heart failure" -rehab'), ['A']);
    assert.deepEqual(await titles('heart NOT failure'), []);
    assert.deepEqual(await titles('patients author:tully'), ['A']);
    assert.deepEqual(await titles('patients -author:tully'), ['B', 'C']);
    assert.deepEqual(await titles('patients year:>2015'), ['B', 'C']);
    assert.deepEqual(await titles('patients year:2010-2020 folder:trials'), ['A']);
    assert.deepEqual(await titles('patients tag:rct'), ['A']);
    assert.deepEqual(await titles('patients type:pdf'), []);
    engine.createCollection('HF');
    const c = (await engine.search('rehab', { mode: 'bm25', history: false })).results[0]!;
    engine.addEvidence('HF', { chunkId: c.chunkId });
    assert.deepEqual(await titles('patients collection:HF'), ['C']);

    const r = await engine.search('patients collection:Nope foo:bar', { mode: 'bm25', history: false });
    assert.deepEqual(r.results, []);
    assert.match(r.operators!.notes.join('\n'), /no collection named “Nope”/);
    assert.match(r.operators!.notes.join('\n'), /“foo:” is not a filter/);
    assert.deepEqual(r.operators!.applied, ['collection: Nope']);
    const only = await engine.search('author:tully', { mode: 'bm25', history: false });
    assert.deepEqual(only.results, []);
    assert.match(only.operators!.notes.join(), /nothing to search for/);
    assert.equal((await engine.search('heart failure', { mode: 'bm25', history: false })).operators, undefined);
  } finally {
    engine.close();
  }
});
