/** The evidence table of a collection: rows with their document's fields, sorted. */
import type { EvidenceRow, EvidenceSort, Stance } from '../api.js';
import { EngineError } from '../errors.js';
import type { Db } from '../store/db.js';
import { collectionId } from './collection-id.js';
import { relink } from './relink.js';

interface Row {
  id: number; collection: string; doc_id: number | null; chunk_id: number | null; doc_path: string; doc_title: string | null;
  doc_authors: string; doc_year: number | null; doc_doi: string | null; page: number | null; page_label: string | null;
  quote: string; char_start: number | null; char_end: number | null; note: string; tags: string; stance: Stance | null;
  query_text: string | null; query_mode: string | null; query_settings: string | null; created_at: number; position: number | null;
}

function toRow(r: Row): EvidenceRow {
  return {
    id: r.id, collection: r.collection, docId: r.doc_id, chunkId: r.chunk_id, path: r.doc_path, title: r.doc_title,
    authors: JSON.parse(r.doc_authors) as string[], year: r.doc_year, doi: r.doc_doi, page: r.page, pageLabel: r.page_label,
    quote: r.quote, charStart: r.char_start, charEnd: r.char_end, note: r.note, tags: JSON.parse(r.tags) as string[], stance: r.stance,
    query: r.query_text === null ? null
      : { text: r.query_text, mode: r.query_mode, settings: JSON.parse(r.query_settings ?? '{}') as Record<string, unknown> },
    createdAt: r.created_at,
    position: r.position ?? r.id,
  };
}

export function evidenceRows(db: Db, where: string, params: unknown[]): EvidenceRow[] {
  const rows = db.prepare(`SELECT e.*, c.name AS collection FROM evidence e JOIN collections c ON c.id = e.collection_id
    WHERE e.deleted_at IS NULL AND (${where}) ORDER BY e.created_at, e.id`).all(...params) as Row[];
  return rows.map(toRow);
}

export const SORTS: readonly EvidenceSort[] = ['document', 'page', 'tag', 'stance', 'added', 'manual'];
const STANCE_ORDER: Record<string, number> = { supports: 0, contradicts: 1, background: 2 };

const text = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
const nullsLast = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);
const byDocument = (a: EvidenceRow, b: EvidenceRow) => text(a.title ?? a.path, b.title ?? b.path) || text(a.path, b.path)
  || nullsLast(a.page, b.page) || nullsLast(a.charStart, b.charStart) || a.id - b.id;

const COMPARE: Record<EvidenceSort, (a: EvidenceRow, b: EvidenceRow) => number> = {
  document: byDocument,
  page: (a, b) => nullsLast(a.page, b.page) || byDocument(a, b),
  tag: (a, b) => (a.tags.length === 0 ? 1 : 0) - (b.tags.length === 0 ? 1 : 0) || text(a.tags[0] ?? '', b.tags[0] ?? '') || byDocument(a, b),
  stance: (a, b) => (STANCE_ORDER[a.stance ?? ''] ?? 3) - (STANCE_ORDER[b.stance ?? ''] ?? 3) || byDocument(a, b),
  added: (a, b) => a.createdAt - b.createdAt || a.id - b.id,
  /** The user's own order (review/edit.ts moveEvidence); the order added until something is moved. */
  manual: (a, b) => a.position - b.position || a.id - b.id,
};

export interface TableOptions { sort?: EvidenceSort; order?: 'asc' | 'desc' }

/** The collection's evidence, links re-resolved first; sorted by `sort` (default 'document'). */
export function evidenceTable(db: Db, collection: string, opts: TableOptions = {}): EvidenceRow[] {
  const sort = opts.sort ?? 'document';
  if (!SORTS.includes(sort)) throw new EngineError('BAD_ARGUMENT', `sort must be one of ${SORTS.join(', ')}`);
  const id = collectionId(db, collection);
  relink(db, { collectionId: id });
  const rows = evidenceRows(db, 'e.collection_id = ?', [id]).sort(COMPARE[sort]);
  return opts.order === 'desc' ? rows.reverse() : rows;
}
