/** The `ref_records` rows (migration 0010) and the stored record behind each, for merging and re-imports. */
import type { Db } from '../store/db.js';
import { stmt } from '../store/statements.js';
import type { Keys } from './identity.js';
import type { Member } from './merge.js';

export interface StoredRef {
  doc_id: number; identity: string; meta_hash: string; sources: string; files: string;
}

/** The stored record matching these keys: by DOI, else PMID, else folded title + year. */
export function findStored(db: Db, k: Keys): StoredRef | undefined {
  const cols = 'doc_id, identity, meta_hash, sources, files';
  if (k.doi) {
    const r = stmt(db, `SELECT ${cols} FROM ref_records WHERE doi = ?`).get(k.doi) as StoredRef | undefined;
    if (r) return r;
  }
  if (k.pmid) {
    const r = stmt(db, `SELECT ${cols} FROM ref_records WHERE pmid = ?`).get(k.pmid) as StoredRef | undefined;
    if (r) return r;
  }
  if (k.titleKey) return stmt(db, `SELECT ${cols} FROM ref_records WHERE title_key = ? AND year IS ?`).get(k.titleKey, k.year) as StoredRef | undefined;
  return undefined;
}

/** The entries a record was made of, each with its file and key (`ref_records.sources`). */
export function membersOf(r: StoredRef): Member[] {
  try { return JSON.parse(r.sources) as Member[]; } catch { return []; }
}

export function storedFromFile(db: Db, file: string): StoredRef[] {
  const rows = stmt(db, 'SELECT doc_id, identity, meta_hash, sources, files FROM ref_records').all() as StoredRef[];
  return rows.filter((r) => membersOf(r).some((m) => m.source.file === file));
}

export function saveStored(db: Db, row: { docId: number; identity: string; keys: Keys; citationKey: string | null; members: Member[]; files: string[]; metaHash: string }): void {
  stmt(db, `INSERT INTO ref_records (doc_id, identity, doi, pmid, title_key, year, citation_key, sources, files, meta_hash, imported_at)
    VALUES (@docId, @identity, @doi, @pmid, @titleKey, @year, @citationKey, @sources, @files, @metaHash, @now)
    ON CONFLICT (doc_id) DO UPDATE SET identity = excluded.identity, doi = excluded.doi, pmid = excluded.pmid, title_key = excluded.title_key,
      year = excluded.year, citation_key = excluded.citation_key, sources = excluded.sources, files = excluded.files,
      meta_hash = excluded.meta_hash, imported_at = excluded.imported_at`).run({
    docId: row.docId, identity: row.identity, doi: row.keys.doi, pmid: row.keys.pmid, titleKey: row.keys.titleKey, year: row.keys.year,
    citationKey: row.citationKey, sources: JSON.stringify(row.members), files: JSON.stringify(row.files), metaHash: row.metaHash, now: Date.now(),
  });
}

