/**
 * Builds a small Zotero data folder for tests: `zotero.sqlite` with the subset of Zotero 6/7's
 * schema that Delve reads (real table and column names), and `storage/<key>/<file>` for stored PDFs.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const SCHEMA = `
  CREATE TABLE itemTypes (itemTypeID INTEGER PRIMARY KEY, typeName TEXT, templateItemTypeID INT, display INT DEFAULT 1);
  CREATE TABLE fields (fieldID INTEGER PRIMARY KEY, fieldName TEXT, fieldFormatID INT);
  CREATE TABLE creatorTypes (creatorTypeID INTEGER PRIMARY KEY, creatorType TEXT);
  CREATE TABLE items (itemID INTEGER PRIMARY KEY, itemTypeID INT NOT NULL, dateAdded TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    dateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, clientDateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    libraryID INT NOT NULL, key TEXT NOT NULL, version INT NOT NULL DEFAULT 0, synced INT NOT NULL DEFAULT 0, UNIQUE (libraryID, key));
  CREATE TABLE itemDataValues (valueID INTEGER PRIMARY KEY, value UNIQUE);
  CREATE TABLE itemData (itemID INT, fieldID INT, valueID, PRIMARY KEY (itemID, fieldID));
  CREATE TABLE creators (creatorID INTEGER PRIMARY KEY, firstName TEXT, lastName TEXT, fieldMode INT, UNIQUE (lastName, firstName, fieldMode));
  CREATE TABLE itemCreators (itemID INT NOT NULL, creatorID INT NOT NULL, creatorTypeID INT NOT NULL DEFAULT 1, orderIndex INT NOT NULL DEFAULT 0,
    PRIMARY KEY (itemID, creatorID, creatorTypeID, orderIndex));
  CREATE TABLE collections (collectionID INTEGER PRIMARY KEY, collectionName TEXT NOT NULL, parentCollectionID INT DEFAULT NULL,
    clientDateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, libraryID INT NOT NULL, key TEXT NOT NULL, version INT NOT NULL DEFAULT 0,
    synced INT NOT NULL DEFAULT 0, UNIQUE (libraryID, key));
  CREATE TABLE collectionItems (collectionID INT NOT NULL, itemID INT NOT NULL, orderIndex INT NOT NULL DEFAULT 0, PRIMARY KEY (collectionID, itemID));
  CREATE TABLE tags (tagID INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
  CREATE TABLE itemTags (itemID INT NOT NULL, tagID INT NOT NULL, type INT NOT NULL, PRIMARY KEY (itemID, tagID));
  CREATE TABLE itemAttachments (itemID INTEGER PRIMARY KEY, parentItemID INT, linkMode INT, contentType TEXT, charsetID INT, path TEXT,
    syncState INT DEFAULT 0, storageModTime INT, storageHash TEXT, lastProcessedModificationTime INT);
  CREATE TABLE itemNotes (itemID INTEGER PRIMARY KEY, parentItemID INT, note TEXT, title TEXT);
  CREATE TABLE deletedItems (itemID INTEGER PRIMARY KEY, dateDeleted DEFAULT CURRENT_TIMESTAMP NOT NULL);
  CREATE TABLE deletedCollections (collectionID INTEGER PRIMARY KEY, dateDeleted DEFAULT CURRENT_TIMESTAMP NOT NULL);
  CREATE TABLE version (schema TEXT PRIMARY KEY, version INT NOT NULL);
  CREATE TABLE libraries (libraryID INTEGER PRIMARY KEY, type TEXT NOT NULL, editable INT NOT NULL, filesEditable INT NOT NULL,
    version INT NOT NULL DEFAULT 0, storageVersion INT NOT NULL DEFAULT 0, lastSync INT NOT NULL DEFAULT 0, archived INT NOT NULL DEFAULT 0);
  CREATE TABLE settings (setting TEXT, key TEXT, value, PRIMARY KEY (setting, key));
`;
const TYPES = ['note', 'book', 'journalArticle', 'attachment', 'conferencePaper', 'annotation'];
const FIELDS = ['title', 'abstractNote', 'date', 'url', 'publicationTitle', 'DOI', 'extra'];
const CREATOR_TYPES = ['author', 'contributor', 'editor'];

export interface FixtureItem {
  type?: string;
  title?: string;
  creators?: { firstName?: string; lastName: string; creatorType?: string; fieldMode?: number }[];
  date?: string; doi?: string; journal?: string; abstract?: string; url?: string;
  tags?: string[];
  collections?: number[];
}

export class ZoteroFixture {
  readonly db: Database.Database;
  private n = 0;
  /** `reopen`: edit an existing fixture (as Zotero would), instead of creating one. */
  /** `userdata`: the schema version recorded in `version` (default 113, a Zotero 5+ number: anything from 81 on has this schema). */
  constructor(readonly dir: string, opts: { wal?: boolean; reopen?: boolean; userdata?: number } = {}) {
    mkdirSync(join(dir, 'storage'), { recursive: true });
    this.db = new Database(join(dir, 'zotero.sqlite'));
    if (opts.wal) { this.db.pragma('journal_mode = WAL'); this.db.pragma('wal_autocheckpoint = 0'); }
    if (opts.reopen) {
      this.n = 1000 + (this.db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number) + (this.db.prepare('SELECT COUNT(*) FROM collections').pluck().get() as number);
      return;
    }
    this.db.exec(SCHEMA);
    this.db.prepare("INSERT INTO version (schema, version) VALUES ('userdata', ?), ('system', 32)").run(opts.userdata ?? 113);
    this.db.exec("INSERT INTO libraries (libraryID, type, editable, filesEditable) VALUES (1, 'user', 1, 1), (2, 'feed', 0, 0)");
    TYPES.forEach((t, i) => this.db.prepare('INSERT INTO itemTypes (itemTypeID, typeName) VALUES (?, ?)').run(i + 1, t));
    FIELDS.forEach((f, i) => this.db.prepare('INSERT INTO fields (fieldID, fieldName) VALUES (?, ?)').run(i + 1, f));
    CREATOR_TYPES.forEach((c, i) => this.db.prepare('INSERT INTO creatorTypes (creatorTypeID, creatorType) VALUES (?, ?)').run(i + 1, c));
  }
  private key(): string {
    const abc = '23456789ABCDEFGHIJKLMNPQRSTUVWXYZ';
    let n = ++this.n * 7919 + 12345;
    let k = '';
    for (let i = 0; i < 8; i++) { k += abc[n % abc.length]; n = Math.floor(n / abc.length) + i * 31; }
    return k;
  }
  private typeId(name: string): number {
    return this.db.prepare('SELECT itemTypeID FROM itemTypes WHERE typeName = ?').pluck().get(name) as number;
  }
  addCollection(name: string, parent: number | null = null): number {
    return Number(this.db.prepare('INSERT INTO collections (collectionName, parentCollectionID, libraryID, key) VALUES (?, ?, 1, ?)').run(name, parent, this.key()).lastInsertRowid);
  }
  private newItem(type: string): { id: number; key: string } {
    const key = this.key();
    const id = Number(this.db.prepare("INSERT INTO items (itemTypeID, libraryID, key, dateModified) VALUES (?, 1, ?, '2024-01-01 10:00:00')").run(this.typeId(type), key).lastInsertRowid);
    return { id, key };
  }
  setField(itemId: number, field: string, value: string, modified?: string): void {
    this.db.prepare('INSERT OR IGNORE INTO itemDataValues (value) VALUES (?)').run(value);
    const valueId = this.db.prepare('SELECT valueID FROM itemDataValues WHERE value = ?').pluck().get(value);
    const fieldId = this.db.prepare('SELECT fieldID FROM fields WHERE fieldName = ?').pluck().get(field);
    this.db.prepare('INSERT OR REPLACE INTO itemData (itemID, fieldID, valueID) VALUES (?, ?, ?)').run(itemId, fieldId, valueId);
    if (modified) this.db.prepare('UPDATE items SET dateModified = ?, clientDateModified = ? WHERE itemID = ?').run(modified, modified, itemId);
  }
  addItem(it: FixtureItem): { id: number; key: string } {
    const { id, key } = this.newItem(it.type ?? 'journalArticle');
    const f: [string, string | undefined][] = [['title', it.title], ['date', it.date], ['DOI', it.doi], ['publicationTitle', it.journal], ['abstractNote', it.abstract], ['url', it.url]];
    for (const [name, v] of f) if (v !== undefined) this.setField(id, name, v);
    (it.creators ?? []).forEach((c, i) => {
      this.db.prepare('INSERT OR IGNORE INTO creators (firstName, lastName, fieldMode) VALUES (?, ?, ?)').run(c.firstName ?? '', c.lastName, c.fieldMode ?? 0);
      const cid = this.db.prepare('SELECT creatorID FROM creators WHERE firstName = ? AND lastName = ? AND fieldMode = ?').pluck().get(c.firstName ?? '', c.lastName, c.fieldMode ?? 0);
      const tid = this.db.prepare('SELECT creatorTypeID FROM creatorTypes WHERE creatorType = ?').pluck().get(c.creatorType ?? 'author');
      this.db.prepare('INSERT INTO itemCreators (itemID, creatorID, creatorTypeID, orderIndex) VALUES (?, ?, ?, ?)').run(id, cid, tid, i);
    });
    for (const t of it.tags ?? []) {
      this.db.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)').run(t);
      this.db.prepare('INSERT INTO itemTags (itemID, tagID, type) VALUES (?, (SELECT tagID FROM tags WHERE name = ?), 0)').run(id, t);
    }
    for (const c of it.collections ?? []) this.db.prepare('INSERT INTO collectionItems (collectionID, itemID) VALUES (?, ?)').run(c, id);
    return { id, key };
  }
  /** A PDF imported into Zotero's storage (linkMode 0): copied to storage/<key>/<name>. */
  attachStored(parentId: number | null, pdf: string, name = basename(pdf)): { id: number; key: string; path: string } {
    const a = this.newItem('attachment');
    mkdirSync(join(this.dir, 'storage', a.key), { recursive: true });
    const path = join(this.dir, 'storage', a.key, name);
    copyFileSync(pdf, path);
    this.db.prepare("INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) VALUES (?, ?, 0, 'application/pdf', ?)").run(a.id, parentId, `storage:${name}`);
    return { ...a, path };
  }
  /** A linked file (linkMode 2): Zotero keeps its absolute path. */
  attachLinked(parentId: number, path: string): { id: number; key: string } {
    const a = this.newItem('attachment');
    this.db.prepare("INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) VALUES (?, ?, 2, 'application/pdf', ?)").run(a.id, parentId, path);
    return a;
  }
  /** Any attachment row as Zotero writes it: an HTML snapshot (linkMode 1, 'storage:…'), an EPUB, a link (3), a base-relative file ('attachments:…'). */
  attach(parentId: number, a: { linkMode: number; contentType: string | null; path: string | null }): { id: number; key: string } {
    const it = this.newItem('attachment');
    this.db.prepare('INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) VALUES (?, ?, ?, ?, ?)').run(it.id, parentId, a.linkMode, a.contentType, a.path);
    return it;
  }
  addNote(parentId: number | null, text: string): { id: number; key: string } {
    const n = this.newItem('note');
    this.db.prepare('INSERT INTO itemNotes (itemID, parentItemID, note, title) VALUES (?, ?, ?, ?)').run(n.id, parentId, `<p>${text}</p>`, text);
    return n;
  }
  /** An item of an RSS feed (library 2, of type 'feed'): not part of the user's library. */
  addFeedItem(title: string): { id: number; key: string } {
    const it = this.addItem({ title });
    this.db.prepare('UPDATE items SET libraryID = 2 WHERE itemID = ?').run(it.id);
    return it;
  }
  trash(itemId: number): void {
    this.db.prepare('INSERT INTO deletedItems (itemID) VALUES (?)').run(itemId);
  }
  close(): void {
    this.db.close();
  }
}
