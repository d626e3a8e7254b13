import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';
import { migrate, schemaVersion } from './index.js';

test('0015 gives stored records their title as heading path; notes, untitled and re-titled records keep theirs', async () => {
  const { db } = await openDb(':memory:', { migrateTo: 13 });
  const doc = db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, status, title, indexed_at) VALUES (?, ?, ?, 1, 1, 'ok', ?, 1)`);
  const chunk = db.prepare(`INSERT INTO chunks (doc_id, ordinal, char_start, char_end, heading_path, text, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const add = (id: number, path: string, kind: string, title: string | null, texts: string[], heading = '[]') => {
    doc.run(id, path, kind, title);
    let at = 0;
    texts.forEach((t, i) => { chunk.run(id, i, at, at + t.length, heading, t, `h${id}-${i}`); at += t.length - 5; });
  };
  add(1, 'pubmed:1', 'pubmed', 'Zebrafish  fin\nregeneration', ['Zebrafish  fin\nregeneration\n\nAn abstract about fins.', 'fins. More of it.']);
  add(2, 'zotero:/z#ABC', 'reference', null, ['An untitled item.']);
  add(3, 'pubmed:3', 'pubmed', 'A corrected title', ['The record title\n\nAbstract.']);
  add(4, '/notes/a.md', 'note', 'Zebrafish notes', ['Zebrafish notes\n\nText.']);
  add(5, 'beir:9', 'note', 'Okapi', ['Okapi']);
  add(6, 'trial:NCT1', 'trial', 'Kept', ['Kept\n\nSummary.'], '["Kept"]');
  migrate(db, 14);
  assert.equal(schemaVersion(db), 14);
  const headings = db.prepare('SELECT doc_id, heading_path FROM chunks ORDER BY doc_id, ordinal').raw().all();
  assert.deepEqual(headings, [
    [1, '["Zebrafish fin regeneration"]'], [1, '["Zebrafish fin regeneration"]'], [2, '[]'], [3, '[]'], [4, '[]'], [5, '["Okapi"]'], [6, '["Kept"]'],
  ]);
  // The FTS index follows: the second chunk of record 1 is found by its title in the heading column.
  const hits = db.prepare(`SELECT c.doc_id, c.ordinal FROM chunks_fts f JOIN chunks c ON c.id = f.rowid
    WHERE chunks_fts MATCH 'heading_path : zebrafish' ORDER BY c.doc_id, c.ordinal`).raw().all();
  assert.deepEqual(hits, [[1, 0], [1, 1]]);
  db.close();
});
