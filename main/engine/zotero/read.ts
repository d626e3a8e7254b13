/**
 * Reads a Zotero library (Zotero 5, 6, 7: version.ts): every regular item that is not in the trash,
 * with its metadata, creators, tags, collections (as paths, "Thesis/Chapter 2"), child notes (as
 * text, notes.ts), PDF attachments and its other attachments (EPUB, HTML snapshots, linked URLs:
 * noted, not indexed). Standalone PDFs (attachments with no parent) are items of their own.
 * Linked files stored relative to Zotero's base directory (`attachments:<path>`) are resolved
 * against `baseDir` (base-dir.ts); without one they are skipped with FILE_NOT_FOUND.
 */
import type Database from 'better-sqlite3';
import { isAbsolute, join } from 'node:path';
import type { SkippedFile } from '../api.js';
import { readNotes } from './notes.js';
import { hasTable } from './schema.js';

export interface ZoteroCreator { firstName: string; lastName: string; creatorType: string }

export interface ZoteroAttachment {
  key: string;
  /** Absolute path of the PDF. */
  path: string;
  linkMode: number;
  dateModified: string;
}

/** An attachment that is not indexed (not a PDF, or a link): noted on its item's record. */
export interface ZoteroOtherAttachment { key: string; contentType: string | null; linkMode: number; path: string | null }

export interface ZoteroItem {
  key: string;
  itemType: string;
  dateModified: string;
  title: string | null;
  creators: ZoteroCreator[];
  date: string | null;
  year: number | null;
  doi: string | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  abstract: string | null;
  url: string | null;
  tags: string[];
  collections: string[];
  /** Child notes, as text. */
  notes: string[];
  attachments: ZoteroAttachment[];
  others: ZoteroOtherAttachment[];
}

export interface ZoteroLibrary { items: ZoteroItem[]; skipped: SkippedFile[] }

const FIELDS = ['title', 'date', 'DOI', 'publicationTitle', 'abstractNote', 'url', 'volume', 'issue', 'pages'];
const SKIP_TYPES = "('attachment', 'note', 'annotation')";

export function readLibrary(db: Database.Database, dataDir: string, baseDir: string | null = null): ZoteroLibrary {
  const deleted = "SELECT itemID FROM deletedItems";
  // RSS feed items (Zotero 5+ keeps them in libraries of type 'feed') are not the user's library.
  const feeds = hasTable(db, 'libraries') ? "AND i.libraryID NOT IN (SELECT libraryID FROM libraries WHERE type = 'feed')" : '';
  const rows = db.prepare(`SELECT i.itemID AS id, i.key, i.dateModified, t.typeName FROM items i JOIN itemTypes t ON t.itemTypeID = i.itemTypeID
    WHERE (t.typeName NOT IN ${SKIP_TYPES} OR (t.typeName = 'attachment' AND i.itemID IN (SELECT itemID FROM itemAttachments WHERE parentItemID IS NULL)))
      AND i.itemID NOT IN (${deleted}) ${feeds} ORDER BY i.itemID`).all() as { id: number; key: string; dateModified: string; typeName: string }[];
  const byId = new Map<number, ZoteroItem>();
  for (const r of rows) {
    byId.set(r.id, {
      key: r.key, itemType: r.typeName, dateModified: String(r.dateModified), title: null, creators: [], date: null, year: null,
      doi: null, journal: null, volume: null, issue: null, pages: null, abstract: null, url: null, tags: [], collections: [], notes: [],
      attachments: [], others: [],
    });
  }
  const values = db.prepare(`SELECT d.itemID AS id, f.fieldName AS field, v.value FROM itemData d JOIN fields f ON f.fieldID = d.fieldID
    JOIN itemDataValues v ON v.valueID = d.valueID WHERE f.fieldName IN (${FIELDS.map(() => '?').join(', ')})`).all(...FIELDS) as { id: number; field: string; value: unknown }[];
  for (const v of values) {
    const it = byId.get(v.id);
    if (!it || v.value === null || String(v.value).trim() === '') continue;
    const s = String(v.value).trim();
    if (v.field === 'title') it.title = s;
    else if (v.field === 'date') { it.date = s; it.year = yearOf(s); }
    else if (v.field === 'DOI') it.doi = s.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '').toLowerCase();
    else if (v.field === 'publicationTitle') it.journal = s;
    else if (v.field === 'abstractNote') it.abstract = s;
    else if (v.field === 'url') it.url = s;
    else if (v.field === 'volume') it.volume = s;
    else if (v.field === 'issue') it.issue = s;
    else if (v.field === 'pages') it.pages = s;
  }
  if (hasTable(db, 'itemCreators') && hasTable(db, 'creators')) {
    const types = hasTable(db, 'creatorTypes');
    const creators = db.prepare(`SELECT ic.itemID AS id, c.firstName, c.lastName, ${types ? 'ct.creatorType' : "'author'"} AS creatorType
      FROM itemCreators ic JOIN creators c ON c.creatorID = ic.creatorID
      ${types ? 'LEFT JOIN creatorTypes ct ON ct.creatorTypeID = ic.creatorTypeID' : ''} ORDER BY ic.itemID, ic.orderIndex`).all() as { id: number; firstName: string | null; lastName: string | null; creatorType: string | null }[];
    for (const c of creators) byId.get(c.id)?.creators.push({ firstName: c.firstName ?? '', lastName: c.lastName ?? '', creatorType: c.creatorType ?? 'author' });
  }
  if (hasTable(db, 'itemTags') && hasTable(db, 'tags')) {
    for (const t of db.prepare('SELECT it.itemID AS id, t.name FROM itemTags it JOIN tags t ON t.tagID = it.tagID ORDER BY t.name').all() as { id: number; name: string }[]) {
      byId.get(t.id)?.tags.push(t.name);
    }
  }
  if (hasTable(db, 'collections') && hasTable(db, 'collectionItems')) readCollections(db, byId);
  for (const [id, notes] of readNotes(db, deleted)) { const it = byId.get(id); if (it) it.notes = notes; }
  return { items: [...byId.values()], skipped: readAttachments(db, dataDir, baseDir, byId, deleted) };
}

function readCollections(db: Database.Database, byId: Map<number, ZoteroItem>): void {
  const trashed = hasTable(db, 'deletedCollections') ? 'WHERE collectionID NOT IN (SELECT collectionID FROM deletedCollections)' : '';
  const cols = db.prepare(`SELECT collectionID AS id, collectionName AS name, parentCollectionID AS parent FROM collections ${trashed}`).all() as { id: number; name: string; parent: number | null }[];
  const byCol = new Map(cols.map((c) => [c.id, c]));
  const pathOf = (id: number): string | null => {
    const parts: string[] = [];
    const seen = new Set<number>();
    for (let c = byCol.get(id); c; c = c.parent === null ? undefined : byCol.get(c.parent)) {
      if (seen.has(c.id)) break;
      seen.add(c.id);
      parts.unshift(c.name);
      if (c.parent !== null && !byCol.has(c.parent)) return null; // under a trashed collection
    }
    return parts.length > 0 ? parts.join('/') : null;
  };
  for (const ci of db.prepare('SELECT collectionID AS col, itemID AS id FROM collectionItems').all() as { col: number; id: number }[]) {
    const it = byId.get(ci.id);
    const p = pathOf(ci.col);
    if (it && p !== null && !it.collections.includes(p)) it.collections.push(p);
  }
  for (const it of byId.values()) it.collections.sort();
}

const isPdf = (contentType: string | null, path: string | null) => contentType === 'application/pdf' || (path ?? '').toLowerCase().endsWith('.pdf');

/** Where an attachment's file is: stored (`storage:`), linked absolutely, or relative to the base directory; null when unknown. */
function attachmentPath(dataDir: string, baseDir: string | null, key: string, linkMode: number, path: string): string | null {
  if (path.startsWith('storage:')) return join(dataDir, 'storage', key, path.slice('storage:'.length));
  if (path.startsWith('attachments:')) return baseDir ? join(baseDir, ...path.slice('attachments:'.length).split(/[\\/]/)) : null;
  return linkMode === 2 && isAbsolute(path) ? path : null;
}

function readAttachments(db: Database.Database, dataDir: string, baseDir: string | null, byId: Map<number, ZoteroItem>, deleted: string): SkippedFile[] {
  const skipped: SkippedFile[] = [];
  const rows = db.prepare(`SELECT a.itemID AS id, COALESCE(a.parentItemID, a.itemID) AS owner, i.key, i.dateModified, a.linkMode, a.contentType, a.path
    FROM itemAttachments a JOIN items i ON i.itemID = a.itemID
    WHERE a.itemID NOT IN (${deleted}) ORDER BY a.itemID`).all() as
    { id: number; owner: number; key: string; dateModified: string; linkMode: number | null; contentType: string | null; path: string | null }[];
  for (const r of rows) {
    const item = byId.get(r.owner);
    if (!item) continue;
    const linkMode = r.linkMode ?? -1;
    const path = r.path === null || linkMode === 3 ? null : attachmentPath(dataDir, baseDir, r.key, linkMode, r.path);
    if (!isPdf(r.contentType, r.path) || linkMode === 3 || r.path === null) {
      item.others.push({ key: r.key, contentType: r.contentType, linkMode, path: path ?? r.path });
      continue;
    }
    if (path === null) {
      const why = r.path.startsWith('attachments:') ? 'relative to Zotero\'s base directory, which is not known here (set it, or give Zotero\'s prefs.js)' : 'not a path Delve can resolve';
      skipped.push({ path: r.path, code: 'FILE_NOT_FOUND', message: `${r.path}: linked file ${why} (attachment ${r.key} of item ${item.key})` });
      continue;
    }
    item.attachments.push({ key: r.key, path, linkMode, dateModified: String(r.dateModified) });
  }
  return skipped;
}

/** Zotero stores dates as "2019-05-00 May 2019" (SQL form, then the text as typed). */
export function yearOf(date: string): number | null {
  for (const m of date.matchAll(/(?:^|\D)(\d{4})(?=\D|$)/g)) if (Number(m[1]) > 0) return Number(m[1]);
  return null;
}

/** "First Last" for people, the name as one field for institutions (fieldMode 1 leaves firstName empty). */
export function creatorName(c: ZoteroCreator): string {
  return [c.firstName, c.lastName].filter((s) => s.trim() !== '').join(' ').trim();
}
