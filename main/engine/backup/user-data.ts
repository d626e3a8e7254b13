/**
 * The user's own work in a library, apart from the derived index: collections (deleted ones too) with
 * their evidence and notes, corrections of bibliographic fields, the library's folders and the search
 * history. `exportUserData` reads it as plain JSON (documents are named by path, so it reads back into
 * a fresh library); `mergeUserData` puts it into a library without ever dropping or overwriting what
 * is there: what the library already holds wins, what it lacks is added.
 */
import { EngineError } from '../errors.js';
import { keepPinnedFields } from '../library/fields.js';
import { relink } from '../review/relink.js';
import type { Db } from '../store/db.js';

export const USER_DATA_FORMAT = 'delve-user-data';

export interface UserEvidence {
  chunkHash: string | null; docPath: string; docTitle: string | null; docAuthors: string; docYear: number | null; docDoi: string | null;
  page: number | null; pageLabel: string | null; quote: string; charStart: number | null; charEnd: number | null;
  note: string; tags: string; stance: string | null; queryText: string | null; queryMode: string | null; querySettings: string | null;
  createdAt: number; position: number | null; deletedAt: number | null;
}
export interface UserCollection { name: string; description: string; createdAt: number; deletedAt: number | null; evidence: UserEvidence[] }
export interface UserCorrection { docPath: string; contentHash: string | null; field: string; value: string; source: string; updatedAt: number }
export interface UserData {
  format: typeof USER_DATA_FORMAT;
  version: 1;
  exportedAt: number;
  collections: UserCollection[];
  corrections: UserCorrection[];
  roots: { path: string; watch: number; addedAt: number }[];
  history: { query: string; mode: string; options: string; results: number; ms: number; at: number }[];
  /** The app's settings (settings.json) when the caller adds them; restored only where none are stored. */
  settings?: Record<string, unknown>;
}

export interface MergeReport {
  collections: { added: number; merged: number };
  evidence: { added: number; kept: number };
  /** `pending`: for documents this library does not hold (yet): index the folders, then restore again. */
  corrections: { added: number; kept: number; pending: number };
  roots: { added: number };
  history: { added: number };
}

const EVIDENCE_COLUMNS = `chunk_hash AS chunkHash, doc_path AS docPath, doc_title AS docTitle, doc_authors AS docAuthors, doc_year AS docYear,
  doc_doi AS docDoi, page, page_label AS pageLabel, quote, char_start AS charStart, char_end AS charEnd, note, tags, stance,
  query_text AS queryText, query_mode AS queryMode, query_settings AS querySettings, created_at AS createdAt, coalesce(position, id) AS position, deleted_at AS deletedAt`;

export function exportUserData(db: Db, now = Date.now()): UserData {
  const cols = db.prepare(`SELECT id, CASE WHEN deleted_at IS NULL THEN name ELSE deleted_name END AS name, description,
      created_at AS createdAt, deleted_at AS deletedAt FROM collections ORDER BY id`).all() as (Omit<UserCollection, 'evidence'> & { id: number })[];
  const ev = db.prepare(`SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE collection_id = ? ORDER BY id`);
  return {
    format: USER_DATA_FORMAT, version: 1, exportedAt: now,
    collections: cols.map(({ id, ...c }) => ({ ...c, evidence: ev.all(id) as UserEvidence[] })),
    corrections: db.prepare(`SELECT d.path AS docPath, d.content_hash AS contentHash, f.field, f.value, f.source, f.updated_at AS updatedAt
      FROM doc_fields f JOIN documents d ON d.id = f.doc_id ORDER BY d.path, f.field`).all() as UserCorrection[],
    roots: db.prepare('SELECT path, watch, added_at AS addedAt FROM roots ORDER BY id').all() as UserData['roots'],
    history: db.prepare('SELECT query, mode, options, results, ms, at FROM search_history ORDER BY id').all() as UserData['history'],
  };
}

/** Checks the shape of a parsed user-data file; BAD_ARGUMENT naming what is wrong. */
export function checkUserData(raw: unknown, file: string): UserData {
  const bad = (what: string): never => { throw new EngineError('BAD_ARGUMENT', `${file}: not a Delve user-data export (${what})`); };
  if (typeof raw !== 'object' || raw === null) return bad('not a JSON object');
  const d = raw as Partial<UserData>;
  if (d.format !== USER_DATA_FORMAT) bad(`format is ${JSON.stringify(d.format)}`);
  if (d.version !== 1) bad(`version ${String(d.version)} is not one this Delve reads`);
  for (const k of ['collections', 'corrections', 'roots', 'history'] as const) if (!Array.isArray(d[k])) bad(`${k} is not a list`);
  if (d.settings !== undefined && (typeof d.settings !== 'object' || d.settings === null || Array.isArray(d.settings))) bad('settings is not an object');
  for (const c of d.collections!) {
    if (typeof c?.name !== 'string' || !Array.isArray(c.evidence)) bad('a collection without a name or evidence list');
    for (const e of c.evidence) if (typeof e?.quote !== 'string' || typeof e.docPath !== 'string' || typeof e.createdAt !== 'number') bad(`evidence in "${c.name}" lacks its quote, path or time`);
  }
  return d as UserData;
}

/** The collection a backed-up one merges into: the live one of that name, or the deleted one deleted at that time. */
function targetCollection(db: Db, c: UserCollection): number | undefined {
  return (c.deletedAt === null
    ? db.prepare('SELECT id FROM collections WHERE name = ? AND deleted_at IS NULL').pluck().get(c.name)
    : db.prepare('SELECT id FROM collections WHERE deleted_name = ? AND deleted_at = ?').pluck().get(c.name, c.deletedAt)) as number | undefined;
}

function addCollection(db: Db, c: UserCollection): number {
  const id = Number(db.prepare('INSERT INTO collections (name, description, created_at) VALUES (?, ?, ?)')
    .run(c.deletedAt === null ? c.name : `\u0000restoring:${c.createdAt}:${c.name}`, c.description ?? '', c.createdAt).lastInsertRowid);
  if (c.deletedAt !== null) {
    db.prepare("UPDATE collections SET deleted_name = ?, name = char(0) || 'deleted:' || id, deleted_at = ? WHERE id = ?").run(c.name, c.deletedAt, id);
  }
  return id;
}

export function mergeUserData(db: Db, data: UserData): MergeReport {
  const r: MergeReport = { collections: { added: 0, merged: 0 }, evidence: { added: 0, kept: 0 }, corrections: { added: 0, kept: 0, pending: 0 }, roots: { added: 0 }, history: { added: 0 } };
  db.transaction(() => {
    const same = db.prepare(`SELECT 1 FROM evidence WHERE collection_id = ? AND doc_path = ? AND quote = ? AND created_at = ?
      AND coalesce(chunk_hash, '') = coalesce(?, '')`).pluck();
    const ins = db.prepare(`INSERT INTO evidence (collection_id, chunk_hash, doc_path, doc_title, doc_authors, doc_year, doc_doi, page, page_label,
        quote, char_start, char_end, note, tags, stance, query_text, query_mode, query_settings, created_at, position, deleted_at)
      VALUES (@collectionId, @chunkHash, @docPath, @docTitle, @docAuthors, @docYear, @docDoi, @page, @pageLabel, @quote, @charStart, @charEnd,
        @note, @tags, @stance, @queryText, @queryMode, @querySettings, @createdAt, @position, @deletedAt)`);
    for (const c of data.collections) {
      let id = targetCollection(db, c);
      if (id === undefined) { id = addCollection(db, c); r.collections.added++; } else r.collections.merged++;
      for (const e of c.evidence) {
        if (same.get(id, e.docPath, e.quote, e.createdAt, e.chunkHash)) { r.evidence.kept++; continue; }
        ins.run({ ...e, docAuthors: e.docAuthors ?? '[]', note: e.note ?? '', tags: e.tags ?? '[]', collectionId: id });
        r.evidence.added++;
      }
      relink(db, { collectionId: id });
    }
    const docOf = db.prepare('SELECT id FROM documents WHERE path = ?').pluck();
    const has = db.prepare('SELECT 1 FROM doc_fields WHERE doc_id = ? AND field = ?').pluck();
    const touched = new Set<number>();
    for (const f of data.corrections) {
      const docId = docOf.get(f.docPath) as number | undefined;
      if (docId === undefined) { r.corrections.pending++; continue; }
      if (has.get(docId, f.field)) { r.corrections.kept++; continue; }
      db.prepare('INSERT INTO doc_fields (doc_id, field, value, source, updated_at) VALUES (?, ?, ?, ?, ?)').run(docId, f.field, f.value, f.source, f.updatedAt);
      touched.add(docId);
      r.corrections.added++;
    }
    for (const docId of touched) keepPinnedFields(db, docId);
    for (const root of data.roots) {
      r.roots.added += db.prepare('INSERT INTO roots (path, watch, added_at) VALUES (?, ?, ?) ON CONFLICT (path) DO NOTHING').run(root.path, root.watch, root.addedAt).changes;
    }
    const seen = db.prepare('SELECT 1 FROM search_history WHERE query = ? AND at = ?').pluck();
    const addH = db.prepare('INSERT INTO search_history (query, mode, options, results, ms, at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const h of data.history) {
      if (seen.get(h.query, h.at)) continue;
      addH.run(h.query, h.mode, h.options, h.results, h.ms, h.at);
      r.history.added++;
    }
  }).immediate();
  return r;
}
