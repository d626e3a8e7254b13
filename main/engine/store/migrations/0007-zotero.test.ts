import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../db.js';

test('0007 records Zotero attachments per library, removed with their document', async () => {
  const { db } = await openDb(':memory:');
  db.prepare(`INSERT INTO documents (id, path, kind, size, mtime_ms, status, indexed_at) VALUES (4, '/z/storage/AB/a.pdf', 'pdf', 1, 1, 'ok', 1)`).run();
  const ins = db.prepare(`INSERT INTO zotero_items (library_path, attachment_key, item_key, date_modified, meta_hash, doc_id, attachment_path, content_hash, imported_at)
    VALUES (?, ?, 'ITEM1', '2024-01-01 00:00:00', 'm', ?, '/z/storage/AB/a.pdf', 'h', 1)`);
  ins.run('/z', 'AB', 4);
  ins.run('/other', 'AB', 4);
  assert.throws(() => ins.run('/z', 'AB', 4), /UNIQUE|PRIMARY/);
  assert.throws(() => ins.run('/z', 'CD', 999), /FOREIGN KEY/);
  db.prepare('DELETE FROM documents WHERE id = 4').run();
  assert.equal(db.prepare('SELECT COUNT(*) FROM zotero_items').pluck().get(), 0);
  db.close();
});
