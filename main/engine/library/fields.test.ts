/**
 * Pinned fields against the writers other than the indexer: a Zotero overlay rewrites the row, the
 * user's corrections come back; Zotero's own values show for the fields not corrected.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../store/db.js';
import { overlay, type DocState } from '../zotero/overlay.js';
import type { ZoteroItem } from '../zotero/read.js';
import { documentDetail } from './detail.js';
import { pinFields, pinnedFields } from './fields.js';

const item: ZoteroItem = {
  key: 'ITEM1', itemType: 'journalArticle', dateModified: '2024-01-01', title: 'Zotero title',
  creators: [{ creatorType: 'author', firstName: 'Nuala', lastName: 'Tully' }],
  date: '2010', year: 2010, doi: '10.1155/2010/157939', journal: 'Rehabil Res Pract', abstract: null, url: null, tags: [], collections: [], attachments: [], volume: null, issue: null, pages: null, notes: [], others: [],
};

test('a Zotero overlay keeps the user\'s corrections; the other fields are Zotero\'s', async () => {
  const { db } = await openDb(':memory:');
  db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, title, authors, year, doi, metadata, status, indexed_at)
    VALUES (1, '/z/hf.pdf', 'pdf', 10, 1, 'PDF title', '["N. Tully"]', 2009, NULL, ?, 'ok', 1)`)
    .run(JSON.stringify({ extractedFrom: { title: 'pdf-text', authors: 'pdf-text', year: 'pdf-info' } }));
  pinFields(db, 1, { title: 'Structured heart failure programmes', journal: 'Rehabilitation Research and Practice' }, 'user');
  assert.deepEqual([...pinnedFields(db, 1).keys()].sort(), ['journal', 'title']);
  const doc = db.prepare('SELECT id, content_hash AS contentHash, status, title, authors, year, doi, metadata FROM documents WHERE id = 1').get() as DocState;
  overlay(db, doc, item, 'ATT1');
  const d = documentDetail(db, 1);
  assert.deepEqual([d.title, d.authors, d.year, d.doi, d.journal], ['Structured heart failure programmes', ['Nuala Tully'], 2010, '10.1155/2010/157939', 'Rehabilitation Research and Practice']);
  assert.deepEqual(d.sources, { title: 'user', authors: 'zotero', year: 'zotero', doi: 'zotero', journal: 'user' });
  assert.equal(db.prepare("SELECT json_extract(metadata, '$.journal') FROM documents WHERE id = 1").pluck().get(), 'Rehabilitation Research and Practice', 'citations read the journal here');
  assert.equal(db.prepare("SELECT rowid FROM documents_title_fts WHERE documents_title_fts MATCH 'programmes'").pluck().get(), 1, 'the title index follows');
  db.exec("INSERT INTO documents_title_fts (documents_title_fts) VALUES ('integrity-check')");
  db.close();
});
