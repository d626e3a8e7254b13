/**
 * writeParsed's chunk rows and their FTS5 index: a document of more chunks than one multi-row INSERT
 * holds, written and then re-written with some chunks kept, some moved, some new and some gone. After
 * each write the index passes FTS5's integrity check against the chunks table and finds exactly the
 * chunks whose text holds a word; kept chunks keep their row ids.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { ChunkDraft } from '../types.js';
import { openDb, type Db } from './db.js';
import { writeParsed } from './write.js';

const hash = (t: string) => createHash('sha256').update(t).digest('hex');

function draft(text: string, ordinal: number): ChunkDraft {
  return { ordinal, text, hash: hash(text), start: ordinal * 100, end: ordinal * 100 + text.length, firstPage: 1, lastPage: 1, headingPath: ['Results', `part ${ordinal}`] };
}

function write(db: Db, texts: string[]): number {
  const chunks = texts.map(draft);
  return db.transaction(() => writeParsed(db, {
    path: '/lib/paper.pdf', kind: 'pdf', size: 1, mtimeMs: 1, contentHash: hash(texts.join()), chunking: 'test',
    doc: { kind: 'pdf', title: 'Paper', authors: [], year: null, doi: null, metadata: {}, text: texts.join('\n\n'),
      pages: [{ number: 1, label: null, text: texts.join('\n\n'), needsOcr: false }], pageStarts: [0], blocks: [], warnings: [] },
    chunks,
  }))();
}

const matching = (db: Db, word: string) => (db.prepare('SELECT c.text FROM chunks_fts f JOIN chunks c ON c.id = f.rowid WHERE chunks_fts MATCH ? ORDER BY c.ordinal')
  .pluck().all(word) as string[]);

function checkIndex(db: Db, texts: string[]): void {
  db.prepare("INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('integrity-check', 1)").run();
  assert.deepEqual(db.prepare('SELECT text FROM chunks ORDER BY ordinal').pluck().all(), texts);
  for (const word of ['alpha', 'omega', 'kept', 'results']) {
    const expected = word === 'results' ? texts : texts.filter((t) => t.split(' ').includes(word));
    assert.deepEqual(matching(db, word), expected, word);
  }
}

test('a long document\'s chunks are indexed in full, and a re-write keeps, moves, adds and removes exactly the right rows', async () => {
  const { db } = await openDb(':memory:');
  const first = Array.from({ length: 150 }, (_, i) => `${i % 3 === 0 ? 'kept' : 'alpha'} chunk number ${i}`);
  write(db, first);
  checkIndex(db, first);
  const idOf = (text: string) => db.prepare('SELECT id FROM chunks WHERE text = ?').pluck().get(text) as number;
  const keptIds = first.filter((t) => t.startsWith('kept')).map(idOf);

  // Kept chunks stay (in another order), the alpha ones go, omega ones arrive.
  const kept = first.filter((t) => t.startsWith('kept')).reverse();
  const second = [...kept.slice(0, 20), ...Array.from({ length: 90 }, (_, i) => `omega chunk number ${i}`), ...kept.slice(20)];
  write(db, second);
  checkIndex(db, second);
  assert.deepEqual(first.filter((t) => t.startsWith('kept')).map(idOf), keptIds, 'kept chunks keep their ids');
  assert.deepEqual(matching(db, 'alpha'), []);
  db.close();
});
