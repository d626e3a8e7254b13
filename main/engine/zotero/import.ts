/**
 * `importZotero(dataDir)`: every regular item not in the trash becomes a record document
 * (record.ts: title, abstract, creators, tags, collections, child notes; searchable with or without
 * a PDF), and the PDF attachments are indexed with the engine's own indexer (the text comes from
 * the PDF) with Zotero's metadata overlaid on each (title, authors, year, DOI; `metadata.zotero`
 * and `metadata.fieldSources`). Other attachments (EPUB, HTML snapshots, links) are noted on the
 * record. Zotero 5, 6 and 7 are read (version.ts); the database is read from a private copy. `zotero_items` remembers what
 * was imported, so a second import applies only the changes: the indexer re-reads a PDF only when its
 * size or mtime changed, and an overlay is rewritten only when Zotero's metadata (its hash) or the
 * PDF changed. Items gone from Zotero, or in its trash, have their documents removed.
 */
import { createHash } from 'node:crypto';
import { runIndex, type IndexContext } from '../indexing/indexer.js';
import { removeDocs } from '../store/documents.js';
import { stmt } from '../store/statements.js';
import { openZotero } from './open.js';
import { overlay, type DocState } from './overlay.js';
import { readLibrary, type ZoteroItem } from './read.js';
import { findBaseDir } from './base-dir.js';
import { itemDoc, recordPath } from './record.js';
import { describeVersion } from './version.js';
import { chunkBlocks } from '../chunk/chunker.js';
import { EngineError } from '../errors.js';
import { keepPinnedFields } from '../library/fields.js';
import { writeParsed } from '../store/write.js';
import type { ZoteroImportOptions, ZoteroImportSummary } from './types.js';

export type { ZoteroImportOptions, ZoteroImportSummary } from './types.js';

interface StoredRow { attachment_key: string; doc_id: number; meta_hash: string; content_hash: string | null; attachment_path: string }

export async function importZotero(ctx: IndexContext, dataDir: string, opts: ZoteroImportOptions = {}, nativeBinding?: string): Promise<ZoteroImportSummary> {
  const started = performance.now();
  opts.signal?.throwIfAborted();
  const z = openZotero(dataDir, nativeBinding);
  const baseDir = findBaseDir(z.dataDir, { baseDir: opts.baseDir, prefsFile: opts.prefsFile });
  let lib;
  try {
    lib = readLibrary(z.db, z.dataDir, baseDir);
  } catch (err) {
    // A schema Delve does not know (a column or table missing): never INTERNAL.
    if (err instanceof EngineError) throw err;
    throw new EngineError('ZOTERO_UNSUPPORTED_VERSION', `${z.dataDir}: ${describeVersion(z.version)}: ${(err as Error).message}`, { cause: err });
  } finally {
    z.close();
  }
  const library = z.dataDir;
  const db = ctx.db;
  const stored = () => new Map((stmt(db, 'SELECT attachment_key, doc_id, meta_hash, content_hash, attachment_path FROM zotero_items WHERE library_path = ?')
    .all(library) as StoredRow[]).map((r) => [r.attachment_key, r]));
  // One document per file: a PDF linked from two items is imported with the first.
  const byPath = new Map<string, { item: ZoteroItem; att: ZoteroItem['attachments'][number] }>();
  for (const item of lib.items) for (const att of item.attachments) if (!byPath.has(att.path)) byPath.set(att.path, { item, att });
  const wanted = [...byPath.values()];
  // Paths imported before are indexed too: a file Zotero renamed is then seen as moved (it keeps its
  // chunks), and one that is gone is removed by the indexer itself.
  const before = stored();
  const paths = [...new Set([...byPath.keys(), ...[...before.values()].map((r) => r.attachment_path)])];
  const run = paths.length > 0 ? await runIndex(ctx, paths, opts) : null;
  opts.signal?.throwIfAborted();

  const summary: ZoteroImportSummary = {
    library, schemaVersion: z.version, baseDir, records: { items: lib.items.length, added: 0, updated: 0, unchanged: 0, removed: 0 },
    notes: lib.items.reduce((n, i) => n + i.notes.length, 0), otherAttachments: lib.items.reduce((n, i) => n + i.others.length, 0), items: lib.items.filter((i) => i.attachments.length > 0).length, added: 0, updated: 0, removed: 0, unchanged: 0,
    parsed: run ? run.changes.added + run.changes.updated + run.changes.moved : 0,
    skipped: [...lib.skipped, ...(run?.skipped ?? []).filter((s) => byPath.has(s.path))], ms: 0,
  };
  const wantedKeys = new Set(wanted.map((w) => w.att.key));
  const prevRows = stored();
  const docByPath = stmt(db, `SELECT id, content_hash AS contentHash, status, title, authors, year, doi, metadata FROM documents WHERE path = ?`);
  const upsert = stmt(db, `INSERT INTO zotero_items (library_path, attachment_key, item_key, date_modified, meta_hash, doc_id, attachment_path, content_hash, imported_at)
    VALUES (@library, @attKey, @itemKey, @dateModified, @metaHash, @docId, @path, @contentHash, @now)
    ON CONFLICT (library_path, attachment_key) DO UPDATE SET item_key = excluded.item_key, date_modified = excluded.date_modified,
      meta_hash = excluded.meta_hash, doc_id = excluded.doc_id, attachment_path = excluded.attachment_path,
      content_hash = excluded.content_hash, imported_at = excluded.imported_at`);
  const seen = new Set<string>();
  db.transaction(() => {
    for (const { item, att } of wanted) {
      const doc = docByPath.get(att.path) as DocState | undefined;
      if (!doc || doc.status === 'error') continue; // in `skipped` (or a failed document's error)
      seen.add(att.key);
      const metaHash = hashOf(item);
      const prev = prevRows.get(att.key);
      const docZoteroKey = zoteroKeyOf(doc.metadata);
      const same = prev !== undefined && prev.doc_id === doc.id && prev.meta_hash === metaHash && prev.content_hash === doc.contentHash
        && prev.attachment_path === att.path && docZoteroKey === item.key;
      if (same) { summary.unchanged++; continue; }
      overlay(db, doc, item, att.key);
      upsert.run({ library, attKey: att.key, itemKey: item.key, dateModified: item.dateModified, metaHash, docId: doc.id, path: att.path, contentHash: doc.contentHash, now: Date.now() });
      if (prev || before.has(att.key)) summary.updated++;
      else summary.added++;
    }
    for (const item of lib.items) {
      const key = ITEM + item.key;
      wantedKeys.add(key);
      seen.add(key);
      const recordHash = createHash('sha256').update(JSON.stringify([hashOf(item), item.attachments.map((a) => a.path)])).digest('hex');
      const outcome = writeRecord(db, ctx, library, item, recordHash, prevRows.get(key));
      summary.records[outcome]++;
    }
    const gone = [...prevRows.values()].filter((r) => !seen.has(r.attachment_key) && !wantedKeys.has(r.attachment_key));
    removeDocs(db, gone.map((r) => r.doc_id));
    // Rows the indexer already removed with their documents (a file gone from an item no longer in Zotero).
    const vanished = [...before.keys()].filter((k) => !prevRows.has(k) && !wantedKeys.has(k));
    summary.records.removed = gone.filter((r) => r.attachment_key.startsWith(ITEM)).length;
    summary.removed = gone.length - summary.records.removed + vanished.length;
  })();
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

const ITEM = 'item:';

/** An item's record document, written when it is new or its metadata changed. */
function writeRecord(db: IndexContext['db'], ctx: IndexContext, library: string, item: ZoteroItem, metaHash: string, prev: StoredRow | undefined): 'added' | 'updated' | 'unchanged' {
  const path = recordPath(library, item.key);
  const exists = stmt(db, 'SELECT id FROM documents WHERE path = ?').pluck().get(path) as number | undefined;
  if (prev && exists !== undefined && prev.meta_hash === metaHash && prev.doc_id === exists) return 'unchanged';
  const doc = itemDoc(item);
  const docId = writeParsed(db, {
    path, kind: 'reference', size: Buffer.byteLength(doc.text), mtimeMs: 0, contentHash: metaHash, doc, chunks: chunkBlocks(doc, ctx.chunk), chunking: ctx.chunking,
  });
  keepPinnedFields(db, docId);
  stmt(db, `INSERT INTO zotero_items (library_path, attachment_key, item_key, date_modified, meta_hash, doc_id, attachment_path, content_hash, imported_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?) ON CONFLICT (library_path, attachment_key) DO UPDATE SET item_key = excluded.item_key,
      date_modified = excluded.date_modified, meta_hash = excluded.meta_hash, doc_id = excluded.doc_id, attachment_path = excluded.attachment_path,
      imported_at = excluded.imported_at`).run(library, ITEM + item.key, item.key, item.dateModified, metaHash, docId, path, Date.now());
  return prev ? 'updated' : 'added';
}

/** The hash of everything the overlay writes: a change to any of it re-applies the overlay. */
function hashOf(item: ZoteroItem): string {
  const { attachments: _attachments, dateModified: _dateModified, ...meta } = item;
  return createHash('sha256').update(JSON.stringify(meta)).digest('hex');
}

function zoteroKeyOf(metadata: string): string | null {
  try {
    const m = JSON.parse(metadata) as { zotero?: { key?: unknown } };
    return typeof m.zotero?.key === 'string' ? m.zotero.key : null;
  } catch {
    return null;
  }
}
