/** Aggregates over the stored documents for `index` summaries and `status`. */
import type { DocumentOcr, DocumentStatus, SkippedFile, StatusReport } from '../api.js';
import type { ErrorCode } from '../errors.js';
import type { Db } from './db.js';
import { docsUnder } from './documents.js';

export interface LibrarySlice {
  documents: number;
  pages: number;
  chunks: number;
  errors: SkippedFile[];
  warnings: SkippedFile[];
  needsOcr: { path: string; pages: number[] }[];
}

/** Totals for the documents under `roots` (all documents when roots is null). */
export function sliceOf(db: Db, roots: string[] | null): LibrarySlice {
  const ids = roots === null ? null : JSON.stringify(docsUnder(db, roots).map((d) => d.id));
  const rows = db.prepare(`
    SELECT d.id, d.path, d.status, d.error_code AS code, d.error_message AS message, d.page_count AS pages,
      (SELECT COUNT(*) FROM chunks c WHERE c.doc_id = d.id) AS chunks,
      (SELECT json_group_array(number) FROM (SELECT number FROM pages p WHERE p.doc_id = d.id AND p.needs_ocr = 1 AND p.ocr_key IS NULL ORDER BY number)) AS ocr
    FROM documents d WHERE ? IS NULL OR d.id IN (SELECT value FROM json_each(?)) ORDER BY d.path`).all(ids, ids) as { id: number; path: string; status: string; code: ErrorCode | null; message: string | null; pages: number; chunks: number; ocr: string }[];
  const out: LibrarySlice = { documents: 0, pages: 0, chunks: 0, errors: [], warnings: [], needsOcr: [] };
  for (const r of rows) {
    if (r.status === 'error') {
      out.errors.push({ path: r.path, code: r.code ?? 'INTERNAL', message: r.message ?? '' });
      continue;
    }
    out.documents++;
    out.pages += r.pages;
    out.chunks += r.chunks;
    if (r.status === 'partial' && r.code) out.warnings.push({ path: r.path, code: r.code, message: r.message ?? '' });
    const ocr = JSON.parse(r.ocr) as number[];
    if (ocr.length > 0) out.needsOcr.push({ path: r.path, pages: ocr });
  }
  return out;
}

/** A document's OCR state from its counts of image-only pages (all, and still without text). */
export function ocrOf(image: number, left: number, ocrEnabled: boolean): DocumentOcr {
  if (image === 0) return 'none';
  if (left === 0) return 'done';
  return ocrEnabled ? 'pending' : 'needed';
}

/** Every document with its totals and OCR state (`ocrEnabled`: whether index runs OCR scanned pages). */
export function statusReport(db: Db, chunking: string, ocrEnabled = true): StatusReport {
  const rows = db.prepare(`
    SELECT d.id, d.path, d.kind, d.title, d.page_count AS pages,
      (SELECT COUNT(*) FROM chunks c WHERE c.doc_id = d.id) AS chunks,
      d.status, d.error_code AS code, d.error_message AS message, d.chunking,
      COALESCE(o.image, 0) AS image, COALESCE(o.left, 0) AS left
    FROM documents d LEFT JOIN (
      SELECT doc_id, COUNT(*) AS image, SUM(ocr_key IS NULL) AS left FROM pages WHERE needs_ocr = 1 GROUP BY doc_id
    ) o ON o.doc_id = d.id ORDER BY d.path`).all() as (DocumentStatus & { chunking: string | null; image: number; left: number })[];
  const documents = rows.map(({ image, left, ...d }) => ({ ...d, ocr: ocrOf(image, left, ocrEnabled), ocrPages: left }));
  const totals: StatusReport['totals'] = {
    documents: 0, pdfs: 0, notes: 0, pubmed: 0, references: 0, trials: 0, pages: 0, chunks: 0, errors: 0, needsOcrPages: 0, staleChunking: 0, dbBytes: 0,
  };
  for (const d of documents) {
    if (d.status === 'error') { totals.errors++; continue; }
    totals.documents++;
    if (d.kind === 'pdf') totals.pdfs++;
    else if (d.kind === 'pubmed') totals.pubmed++;
    else if (d.kind === 'reference') totals.references = (totals.references ?? 0) + 1;
    else if (d.kind === 'trial') totals.trials = (totals.trials ?? 0) + 1;
    else totals.notes++;
    totals.pages += d.pages;
    totals.chunks += d.chunks;
    if (d.chunking !== chunking) totals.staleChunking++;
  }
  totals.needsOcrPages = (db.prepare('SELECT COUNT(*) AS n FROM pages WHERE needs_ocr = 1 AND ocr_key IS NULL').get() as { n: number }).n;
  const size = db.prepare('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').get() as { n: number };
  totals.dbBytes = size.n;
  return { documents: documents.map(({ chunking: _c, ...d }) => d), totals };
}
