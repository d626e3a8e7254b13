/**
 * One document for the library screen: its file, status, bibliographic fields with their sources,
 * pages (a document without pages, such as a note, shows its text as page 1) and chunk count.
 */
import type { DocumentDetail, DocumentPage, OcrState } from '../api-library.js';
import { EngineError } from '../errors.js';
import type { Db } from '../store/db.js';
import { stmt } from '../store/statements.js';
import type { DocKind } from '../types.js';
import { pinnedFields } from './fields.js';
import { journalOf, sourcesOf, type StoredBib } from './sources.js';
import { textFromChunks } from './text.js';

interface Row {
  id: number; path: string; kind: DocKind; size: number; status: DocumentDetail['status']; code: string | null; message: string | null;
  title: string | null; authors: string; year: number | null; doi: string | null; metadata: string; chunks: number;
}

function parse<T>(json: string, fallback: T): T {
  try { return JSON.parse(json) as T; } catch { return fallback; }
}

export function checkDocId(db: Db, docId: unknown): number {
  if (typeof docId !== 'number' || !Number.isInteger(docId)) throw new EngineError('BAD_ARGUMENT', `a document id is an integer, got ${JSON.stringify(docId)}`);
  if (stmt(db, 'SELECT 1 FROM documents WHERE id = ?').get(docId) === undefined) throw new EngineError('BAD_ARGUMENT', `no document ${docId} in the library`);
  return docId;
}

/** Where a document's file is and what kind it is, without reading its pages (the viewer's PDF bytes). */
export function documentFile(db: Db, docId: number): { path: string; kind: DocumentDetail['kind'] } {
  checkDocId(db, docId);
  return stmt(db, 'SELECT path, kind FROM documents WHERE id = ?').get(docId) as { path: string; kind: DocumentDetail['kind'] };
}

export function documentDetail(db: Db, docId: number): DocumentDetail {
  checkDocId(db, docId);
  const r = stmt(db, `SELECT id, path, kind, size, status, error_code AS code, error_message AS message, title, authors, year, doi, metadata,
    (SELECT COUNT(*) FROM chunks c WHERE c.doc_id = d.id) AS chunks FROM documents d WHERE id = ?`).get(docId) as Row;
  const authors = parse<unknown>(r.authors, []);
  const doc: StoredBib = {
    id: r.id, kind: r.kind, path: r.path, title: r.title, year: r.year, doi: r.doi,
    authors: Array.isArray(authors) ? authors.filter((a): a is string => typeof a === 'string') : [],
    meta: parse<Record<string, unknown>>(r.metadata, {}),
  };
  let pages = (stmt(db, `SELECT p.number AS page, p.label, p.text, p.ocr_confidence AS conf, o.width, o.height, o.words
    FROM pages p LEFT JOIN ocr_cache o ON o.key = p.ocr_key WHERE p.doc_id = ? ORDER BY p.number`).all(docId) as OcrRow[]).map(toPage);
  if (pages.length === 0 && r.chunks > 0) pages = [{ page: 1, label: null, text: textFromChunks(db, docId) }];
  const pinned = pinnedFields(db, docId);
  const journal = journalOf(db, doc, pinned);
  const sources = sourcesOf(doc, pinned, () => pages.slice(0, 2).map((p) => p.text).join('\n'));
  if (journal.source) sources.journal = journal.source;
  return {
    id: r.id, path: r.path, kind: r.kind, size: r.size, status: r.status, code: r.code, message: r.message,
    title: doc.title, authors: doc.authors, year: doc.year, doi: doc.doi, journal: journal.value,
    sources, pages, chunks: r.chunks, ocr: ocrState(db, docId),
  };
}

interface OcrRow extends DocumentPage { conf: number | null; width: number | null; height: number | null; words: string | null }

function toPage(r: OcrRow): DocumentPage {
  const page: DocumentPage = { page: r.page, label: r.label, text: r.text };
  if (r.conf !== null && r.words !== null) {
    page.ocr = { confidence: r.conf, width: r.width ?? 0, height: r.height ?? 0, words: parse<NonNullable<DocumentPage['ocr']>['words']>(r.words, []) };
  }
  return page;
}

/** Whether a document still has image-only pages without OCR text ('done' also when pages with a garbage layer were OCR'd). */
export function ocrState(db: Db, docId: number): OcrState {
  const r = stmt(db, 'SELECT SUM(needs_ocr = 1 OR ocr_key IS NOT NULL) AS image, SUM(needs_ocr = 1 AND ocr_key IS NULL) AS left FROM pages WHERE doc_id = ?').get(docId) as { image: number | null; left: number | null };
  return !r.image ? 'none' : r.left ? 'needed' : 'done';
}
