import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/shared.js';
import { ZoteroFixture } from '../../../test/helpers/zotero-fixture.js';
import { openZotero } from './open.js';
import { readLibrary, yearOf } from './read.js';

function pdf(dir: string): string {
  const p = join(dir, 'x.pdf');
  writeFileSync(p, '%PDF-1.4\n%%EOF\n');
  return p;
}

test('items are read with ordered creators, year, DOI, tags, collection paths and PDF attachments', () => {
  const dir = tempDir('zr-');
  const z = new ZoteroFixture(join(dir, 'Zotero'));
  const a = z.addCollection('A');
  const b = z.addCollection('B', a);
  const c = z.addCollection('C', b);
  const gone = z.addCollection('Gone');
  const under = z.addCollection('Under gone', gone);
  z.db.prepare('INSERT INTO deletedCollections (collectionID) VALUES (?)').run(gone);
  const it = z.addItem({
    title: ' A title ', date: '2019-05-00 May 2019', doi: 'doi: 10.1000/ABC', journal: 'J', abstract: 'Abs', url: 'https://x',
    creators: [{ firstName: 'Ada', lastName: 'Lovelace' }, { lastName: 'ACME Lab', fieldMode: 1 }], tags: ['b', 'a'], collections: [c, a, under],
  });
  const stored = z.attachStored(it.id, pdf(dir), 'paper.pdf');
  z.attachLinked(it.id, '/abs/elsewhere.pdf');
  z.db.prepare("INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) VALUES (?, ?, 2, 'application/pdf', 'attachments:rel/x.pdf')").run(z.addItem({ type: 'attachment' }).id, it.id);
  z.db.prepare("INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) VALUES (?, ?, 3, 'text/html', NULL)").run(z.addItem({ type: 'attachment' }).id, it.id);
  const html = z.addItem({ type: 'attachment' });
  z.db.prepare("INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) VALUES (?, ?, 1, 'text/html', 'storage:page.html')").run(html.id, it.id);
  const trashedAtt = z.attachStored(it.id, pdf(dir), 'old.pdf');
  z.trash(trashedAtt.id);
  const standalone = z.attachStored(null, pdf(dir), 'loose.pdf');
  z.setField(standalone.id, 'title', 'Loose PDF');
  z.addNote(null, 'note');
  const book = z.addItem({ type: 'book', title: 'No PDF' });
  z.close();

  const zdb = openZotero(join(dir, 'Zotero'));
  const lib = readLibrary(zdb.db, zdb.dataDir);
  zdb.close();
  const item = lib.items.find((i) => i.key === it.key)!;
  assert.equal(item.title, 'A title');
  assert.equal(item.year, 2019);
  assert.equal(item.doi, '10.1000/abc');
  assert.equal(item.journal, 'J');
  assert.equal(item.abstract, 'Abs');
  assert.deepEqual(item.creators.map((c) => c.lastName), ['Lovelace', 'ACME Lab']);
  assert.deepEqual(item.tags, ['a', 'b']);
  assert.deepEqual(item.collections, ['A', 'A/B/C'], 'paths from the root; a trashed collection and those under it are left out');
  assert.deepEqual(item.attachments.map((x) => x.path), [stored.path, '/abs/elsewhere.pdf']);
  assert.equal(lib.skipped.length, 1);
  assert.equal(lib.skipped[0]!.code, 'FILE_NOT_FOUND');
  assert.match(lib.skipped[0]!.message, /base directory/);
  const loose = lib.items.find((i) => i.key === standalone.key)!;
  assert.equal(loose.itemType, 'attachment');
  assert.equal(loose.title, 'Loose PDF');
  assert.equal(loose.attachments.length, 1);
  assert.equal(lib.items.find((i) => i.key === book.key)!.attachments.length, 0);
  assert.equal(lib.items.some((i) => i.itemType === 'note'), false);
});

test('Zotero dates give their year', () => {
  assert.equal(yearOf('2019-05-00 May 2019'), 2019);
  assert.equal(yearOf('0000-00-00 Spring 1998'), 1998);
  assert.equal(yearOf('n.d.'), null);
});

test('feed items, trashed items, notes and annotations are not records; child notes and other attachments are kept on their item', () => {
  const dir = tempDir('zf-');
  const z = new ZoteroFixture(join(dir, 'Zotero'));
  const kept = z.addItem({ title: 'Kept' });
  z.addNote(kept.id, '<b>Bold</b> &amp; <i>plain</i>');
  z.attach(kept.id, { linkMode: 1, contentType: 'text/html', path: 'storage:page.html' });
  z.addFeedItem('An RSS feed item');
  z.trash(z.addItem({ title: 'Trashed' }).id);
  z.addNote(null, 'standalone');
  z.close();
  const zdb = openZotero(join(dir, 'Zotero'));
  const lib = readLibrary(zdb.db, zdb.dataDir);
  zdb.close();
  assert.deepEqual(lib.items.map((i) => i.title), ['Kept']);
  assert.deepEqual(lib.items[0]!.notes, ['Bold & plain']);
  assert.deepEqual(lib.items[0]!.others.map((o) => [o.contentType, o.linkMode]), [['text/html', 1]]);
});
