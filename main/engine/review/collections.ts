/**
 * Collections and their evidence. A piece of evidence copies what it shows (quote, page, label,
 * document path, title, authors, year, DOI, the chunk's text hash) so it survives re-indexing;
 * `doc_id`/`chunk_id` are live links, re-resolved by path and chunk hash when a collection is read.
 */
import type { CollectionInfo, EvidenceFields, EvidenceRow, EvidenceTarget, Stance } from '../api.js';
import { locateQuote } from './quote.js';
import { EngineError } from '../errors.js';
import type { Db } from '../store/db.js';
import { relink } from './relink.js';
import { collectionId } from './collection-id.js';
import { evidenceRows } from './table.js';

export { collectionId };

export { evidenceTable } from './table.js';

const STANCES: readonly Stance[] = ['supports', 'contradicts', 'background'];

export function listCollections(db: Db): CollectionInfo[] {
  return db.prepare(`SELECT c.id, c.name, c.description, c.created_at AS createdAt,
      (SELECT COUNT(*) FROM evidence e WHERE e.collection_id = c.id AND e.deleted_at IS NULL) AS evidence
    FROM collections c WHERE c.deleted_at IS NULL ORDER BY c.name`).all() as CollectionInfo[];
}

export function createCollection(db: Db, name: string, description = ''): CollectionInfo {
  const clean = name.trim();
  if (!clean) throw new EngineError('BAD_ARGUMENT', 'a collection needs a name');
  try {
    const id = db.prepare('INSERT INTO collections (name, description, created_at) VALUES (?, ?, ?)').run(clean, description, Date.now()).lastInsertRowid;
    return listCollections(db).find((c) => c.id === Number(id))!;
  } catch (err) {
    if (/UNIQUE/.test((err as Error).message)) throw new EngineError('BAD_ARGUMENT', `a collection named "${clean}" already exists`);
    throw err;
  }
}

interface ChunkRow { id: number; doc_id: number; text: string; hash: string; char_start: number; first_page: number | null }
interface DocRow { id: number; path: string; title: string | null; authors: string; year: number | null; doi: string | null }

export function checkFields(f: EvidenceFields): void {
  if (f.stance != null && !STANCES.includes(f.stance)) throw new EngineError('BAD_ARGUMENT', `stance must be one of ${STANCES.join(', ')}`);
  if (f.tags && !f.tags.every((t) => typeof t === 'string')) throw new EngineError('BAD_ARGUMENT', 'tags must be strings');
}

export const cleanTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

/** Saves evidence into a collection; returns its row of the evidence table. */
export function addEvidence(db: Db, collection: string, target: EvidenceTarget, f: EvidenceFields = {}): EvidenceRow {
  checkFields(f);
  const cid = collectionId(db, collection);
  const chunkSql = 'SELECT id, doc_id, text, hash, char_start, first_page FROM chunks';
  let chunk: ChunkRow | undefined;
  let quote: string;
  let page: number | null;
  if ('chunkId' in target) {
    chunk = db.prepare(`${chunkSql} WHERE id = ?`).get(target.chunkId) as ChunkRow | undefined;
    if (!chunk) throw new EngineError('BAD_ARGUMENT', `no chunk ${target.chunkId} in the library`);
    const found = target.quote?.trim() ? locateQuote(chunk.text, target.quote.trim()) : chunk.text;
    if (found === null) throw new EngineError('BAD_ARGUMENT', 'the quote is not in that chunk');
    quote = found;
    page = chunk.first_page;
  } else {
    quote = target.quote.trim();
    if (!quote) throw new EngineError('BAD_ARGUMENT', 'an excerpt needs its quote');
    page = target.page;
    // The chunk holding the excerpt on that page (the first one, when chunks overlap). A selection
    // made in the viewer may be spaced otherwise than the text: the chunk's own words are kept.
    const onPage = db.prepare(`${chunkSql} WHERE doc_id = @d
      AND (@p IS NULL OR first_page IS NULL OR (first_page <= @p AND last_page >= @p)) ORDER BY ordinal`)
      .all({ d: target.docId, p: page }) as ChunkRow[];
    for (const c of onPage) {
      const found = locateQuote(c.text, quote);
      if (found !== null) { chunk = c; quote = found; break; }
    }
  }
  const docId = chunk?.doc_id ?? ('docId' in target ? target.docId : null);
  const doc = db.prepare('SELECT id, path, title, authors, year, doi FROM documents WHERE id = ?').get(docId) as DocRow | undefined;
  if (!doc) throw new EngineError('BAD_ARGUMENT', `no document ${docId} in the library`);
  if ('docId' in target && page !== null) {
    const onPage = db.prepare('SELECT COUNT(*) FROM pages WHERE doc_id = ? AND number = ?').pluck().get(doc.id, page) as number;
    if (onPage === 0) throw new EngineError('BAD_ARGUMENT', `document ${doc.id} has no page ${page}`);
  }
  const label = page === null ? null : (db.prepare('SELECT label FROM pages WHERE doc_id = ? AND number = ?').pluck().get(doc.id, page) as string | null | undefined) ?? null;
  const at = chunk ? chunk.text.indexOf(quote) : -1;
  const start = chunk && at >= 0 ? chunk.char_start + at : null;
  const id = db.prepare(`INSERT INTO evidence (collection_id, doc_id, chunk_id, chunk_hash, doc_path, doc_title, doc_authors, doc_year, doc_doi,
      page, page_label, quote, char_start, char_end, note, tags, stance, query_text, query_mode, query_settings, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    cid, doc.id, chunk?.id ?? null, chunk?.hash ?? null, doc.path, doc.title, doc.authors, doc.year, doc.doi,
    page, label, quote, start, start === null ? null : start + quote.length, f.note ?? '', JSON.stringify(cleanTags(f.tags ?? [])),
    f.stance ?? null, f.query?.text ?? null, f.query?.mode ?? null, f.query ? JSON.stringify(f.query.settings ?? {}) : null, Date.now(),
  ).lastInsertRowid;
  return evidenceById(db, Number(id));
}

export function evidenceById(db: Db, id: number): EvidenceRow {
  relink(db, { evidenceId: id });
  const row = evidenceRows(db, 'e.id = ?', [id])[0];
  if (!row) throw new EngineError('BAD_ARGUMENT', `no evidence ${id}`);
  return row;
}
