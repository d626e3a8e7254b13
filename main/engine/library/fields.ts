/**
 * Pinned bibliographic fields (`doc_fields`, migration 0008): values that win over what ingestion
 * finds, today the user's corrections. Every writer of a documents row (the indexer, a PubMed
 * re-import, a Zotero overlay) calls keepPinnedFields afterwards, in the same transaction, so a
 * correction survives them; the title, authors, year and DOI go into their columns (which search,
 * evidence and citations read), the journal into `metadata.journal` (which citations read).
 */
import type { BibFields, FieldSource } from '../api-library.js';
import type { Db } from '../store/db.js';
import { stmt } from '../store/statements.js';
import type { DocKind } from '../types.js';

export const BIB_FIELDS = ['title', 'authors', 'year', 'doi', 'journal'] as const satisfies readonly (keyof BibFields)[];
export type BibField = (typeof BIB_FIELDS)[number];

export interface Pinned { value: unknown; source: FieldSource }

/** A documents row's bibliographic columns, as the library reads them. */
export interface StoredBib {
  id: number;
  kind: DocKind;
  path: string;
  title: string | null;
  authors: string[];
  year: number | null;
  doi: string | null;
  meta: Record<string, unknown>;
}

/** Where each pinned value goes in the documents row. */
const WRITE: Record<BibField, string> = {
  title: 'UPDATE documents SET title = @v WHERE id = @id AND title IS NOT @v',
  authors: 'UPDATE documents SET authors = @v WHERE id = @id AND authors IS NOT @v',
  year: 'UPDATE documents SET year = @v WHERE id = @id AND year IS NOT @v',
  doi: 'UPDATE documents SET doi = @v WHERE id = @id AND doi IS NOT @v',
  journal: `UPDATE documents SET metadata = json_set(metadata, '$.journal', json(@v))
    WHERE id = @id AND json_extract(metadata, '$.journal') IS NOT json_extract(@v, '$')`,
};

export function pinnedFields(db: Db, docId: number): Map<BibField, Pinned> {
  const rows = stmt(db, 'SELECT field, value, source FROM doc_fields WHERE doc_id = ?').all(docId) as { field: BibField; value: string; source: FieldSource }[];
  return new Map(rows.map((r) => [r.field, { value: JSON.parse(r.value) as unknown, source: r.source }]));
}

/** Pins the given fields (validated values) to `source`, and writes them into the row. */
export function pinFields(db: Db, docId: number, values: Partial<BibFields>, source: FieldSource): void {
  const put = stmt(db, `INSERT INTO doc_fields (doc_id, field, value, source, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (doc_id, field) DO UPDATE SET value = excluded.value, source = excluded.source, updated_at = excluded.updated_at`);
  db.transaction(() => {
    for (const f of BIB_FIELDS) if (f in values) put.run(docId, f, JSON.stringify(values[f] ?? null), source, Date.now());
    keepPinnedFields(db, docId);
  })();
}

/** Puts the document's pinned values back into its row (a no-op for a document with none). */
export function keepPinnedFields(db: Db, docId: number): void {
  for (const [field, p] of pinnedFields(db, docId)) {
    const v = field === 'authors' || field === 'journal' ? JSON.stringify(p.value) : p.value;
    stmt(db, WRITE[field]).run({ id: docId, v });
  }
}
