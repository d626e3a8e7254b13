/**
 * `importZotero(dataDir)`: indexes the PDF attachments of a Zotero library with the engine's own
 * indexer (the text comes from the PDF), then overlays Zotero's metadata on each document (title,
 * authors, year, DOI; `metadata.zotero` and `metadata.fieldSources`). `zotero_items` remembers what
 * was imported, so a second import applies only the changes: the indexer re-reads a PDF only when its
 * size or mtime changed, and an overlay is rewritten only when Zotero's metadata (its hash) or the
 * PDF changed. Items gone from Zotero, or in its trash, have their documents removed.
 */
import { createHash } from 'node:crypto';
import type { JobOptions } from '../api.js';
import { runIndex, type IndexContext } from '../index/indexer.js';
import { removeDocs } from '../store/documents.js';
import { stmt } from '../store/statements.js';
import { openZotero } from './open.js';
import { overlay, type DocState } from './overlay.js';
import { readLibrary, type ZoteroItem } from './read.js';
import type { ZoteroImportSummary } from './types.js';

export type { ZoteroImportSummary } from './types.js';

interface StoredRow { attachment_key: string; doc_id: number; meta_hash: string; content_hash: string | null; attachment_path: string }

export async function importZotero(ctx: IndexContext, dataDir: string, opts: JobOptions = {}, nativeBinding?: string): Promise<ZoteroImportSummary> {
  const started = performance.now();
  opts.signal?.throwIfAborted();
  const z = openZotero(dataDir, nativeBinding);
  let lib;
  try {
    lib = readLibrary(z.db, z.dataDir);
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
    library, items: lib.items.filter((i) => i.attachments.length > 0).length, added: 0, updated: 0, removed: 0, unchanged: 0,
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
    const gone = [...prevRows.values()].filter((r) => !seen.has(r.attachment_key) && !wantedKeys.has(r.attachment_key));
    removeDocs(db, gone.map((r) => r.doc_id));
    // Rows the indexer already removed with their documents (a file gone from an item no longer in Zotero).
    const vanished = [...before.keys()].filter((k) => !prevRows.has(k) && !wantedKeys.has(k));
    summary.removed = gone.length + vanished.length;
  })();
  summary.ms = Math.round(performance.now() - started);
  return summary;
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
