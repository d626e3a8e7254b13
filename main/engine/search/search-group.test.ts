import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedDir, tempDir } from '../../../test/helpers/shared.js';
import { createEngine } from '../index.js';

test('grouped search: one result per document with its other passages and their own traces; the title block is not the passage shown', async () => {
  const dir = tempDir('delve-group-');
  const lib = join(dir, 'lib');
  mkdirSync(lib);
  cpSync(join(sharedDir(), 'pdfs', 'hindawi-rrp-2010-157939_heart-failure.pdf'), join(lib, 'heart.pdf'));
  writeFileSync(join(lib, 'note.md'), '# Heart failure clinic\n\nOur heart failure programme met patients weekly to discuss their experiences.\n');
  const engine = await createEngine({ dbPath: join(dir, 'delve.db'), workers: 1, bm25MemoryMb: 0 });
  try {
    await engine.index([lib]);
    const q = 'patient experiences of heart failure programmes';
    const flat = await engine.search(q, { mode: 'bm25', k: 20, history: false });
    assert.equal(flat.grouping, 'chunk');
    assert.ok(flat.results.filter((r) => r.path.endsWith('heart.pdf')).length > 5, 'ungrouped, the paper fills the list');
    const titleBlock = flat.results.find((r) => r.trace.frontMatter);
    assert.ok(titleBlock, 'the title block is among the passages, marked as front matter');

    const grouped = await engine.search(q, { mode: 'bm25', k: 20, groupBy: 'document', history: false });
    assert.equal(grouped.grouping, 'document');
    assert.deepEqual(grouped.results.map((r) => r.path).sort(), [join(lib, 'heart.pdf'), join(lib, 'note.md')]);
    const paper = grouped.results.find((r) => r.path.endsWith('heart.pdf'))!;
    assert.equal(paper.trace.frontMatter, undefined, 'shown by a passage, not by its title block');
    assert.ok(paper.group!.passages > 5);
    assert.ok(paper.group!.more.length <= 5 && paper.group!.more.length > 0);
    const ranks = [paper.trace.passageRank!, ...paper.group!.more.map((m) => m.trace.passageRank!)];
    assert.equal(new Set(ranks).size, ranks.length, 'every passage keeps its own rank in the ungrouped list');
    for (const m of paper.group!.more) {
      assert.equal(m.rank, m.trace.passageRank);
      const same = flat.results.find((r) => r.chunkId === m.chunkId);
      if (same) assert.equal(m.trace.bm25Score, same.trace.bm25Score, 'and its own scores');
    }
    assert.ok(paper.group!.score >= paper.score, 'the document ranks by its best passage');
  } finally {
    engine.close();
  }
});
