/**
 * Writes one parsed document — its row, pages and chunks (and through triggers, the FTS index).
 * Callers run these inside a transaction (the indexer commits documents in batches), so a crash
 * leaves each document either as it was or complete. Chunks whose hash is unchanged keep their row
 * (and so their vectors).
 */
import type { ErrorData } from '../errors.js';
import type { ChunkDraft, DocKind, ExtractedDoc } from '../types.js';
import type { Db } from './db.js';
import { stmt } from './statements.js';

export interface ParsedFile {
  path: string;
  kind: DocKind;
  size: number;
  mtimeMs: number;
  contentHash: string;
  doc: ExtractedDoc;
  chunks: ChunkDraft[];
  chunking: string;
}

export interface FailedFile {
  path: string;
  kind: DocKind;
  size: number;
  mtimeMs: number;
  contentHash: string | null;
  error: ErrorData;
}

interface OldChunk { id: number; hash: string; ordinal: number; first_page: number | null; last_page: number | null; char_start: number; char_end: number; heading_path: string; locator: string | null }

export function writeParsed(db: Db, f: ParsedFile): number {
  const { doc } = f;
  const status = doc.warnings.length > 0 ? 'partial' : 'ok';
  const firstWarning = doc.warnings[0] ?? null;
  const docId = upsertDocument(db, {
    path: f.path, kind: f.kind, size: f.size, mtimeMs: f.mtimeMs, contentHash: f.contentHash,
    title: doc.title, authors: JSON.stringify(doc.authors), year: doc.year, doi: doc.doi,
    metadata: JSON.stringify({ ...doc.metadata, warnings: doc.warnings }), status,
    errorCode: firstWarning?.code ?? null, errorMessage: firstWarning?.message ?? null,
    pageCount: doc.pages.length, chunking: f.chunking,
  });
  stmt(db, 'DELETE FROM pages WHERE doc_id = ?').run(docId);
  const insPage = stmt(db, 'INSERT INTO pages (doc_id, number, label, char_start, needs_ocr, text) VALUES (?, ?, ?, ?, ?, ?)');
  doc.pages.forEach((p, i) => insPage.run(docId, p.number, p.label, doc.pageStarts[i] ?? 0, p.needsOcr ? 1 : 0, p.text));
  replaceChunks(db, docId, f.chunks);
  return docId;
}

export function writeFailed(db: Db, f: FailedFile): number {
  const docId = upsertDocument(db, {
    path: f.path, kind: f.kind, size: f.size, mtimeMs: f.mtimeMs, contentHash: f.contentHash,
    title: null, authors: '[]', year: null, doi: null, metadata: '{}', status: 'error',
    errorCode: f.error.code, errorMessage: f.error.message, pageCount: 0, chunking: null,
  });
  stmt(db, 'DELETE FROM pages WHERE doc_id = ?').run(docId);
  stmt(db, 'DELETE FROM chunks WHERE doc_id = ?').run(docId);
  return docId;
}

interface DocRow {
  path: string; kind: DocKind; size: number; mtimeMs: number; contentHash: string | null;
  title: string | null; authors: string; year: number | null; doi: string | null; metadata: string;
  status: string; errorCode: string | null; errorMessage: string | null; pageCount: number; chunking: string | null;
}

function upsertDocument(db: Db, r: DocRow): number {
  const row = stmt(db, `
    INSERT INTO documents (path, kind, size, mtime_ms, content_hash, title, authors, year, doi, metadata,
      status, error_code, error_message, page_count, chunking, indexed_at)
    VALUES (@path, @kind, @size, @mtimeMs, @contentHash, @title, @authors, @year, @doi, @metadata,
      @status, @errorCode, @errorMessage, @pageCount, @chunking, @now)
    ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, size = excluded.size, mtime_ms = excluded.mtime_ms,
      content_hash = excluded.content_hash, title = excluded.title, authors = excluded.authors,
      year = excluded.year, doi = excluded.doi, metadata = excluded.metadata, status = excluded.status,
      error_code = excluded.error_code, error_message = excluded.error_message,
      page_count = excluded.page_count, chunking = excluded.chunking, indexed_at = excluded.indexed_at
    RETURNING id`).get({ ...r, now: Date.now() }) as { id: number };
  return row.id;
}

/**
 * Rows per multi-row chunk INSERT. The FTS5 index keeps new rows in memory until a statement that
 * may roll back alone starts (its savepoint makes FTS5 write them out as a new segment), so
 * inserting a document's chunks one statement per row wrote one segment per chunk, and FTS5 spent
 * most of an index run merging them; a few statements per document write a few segments.
 */
const INSERT_ROWS = 64;
const CHUNK_COLUMNS = '(doc_id, ordinal, first_page, last_page, char_start, char_end, heading_path, text, hash, locator)';
const insertSql = (rows: number) => `INSERT INTO chunks ${CHUNK_COLUMNS} VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;

/** Diffs the document's chunks by hash: unchanged text keeps its row id, the rest is replaced. */
function replaceChunks(db: Db, docId: number, drafts: ChunkDraft[]): void {
  const old = stmt(db, 'SELECT id, hash, ordinal, first_page, last_page, char_start, char_end, heading_path, locator FROM chunks WHERE doc_id = ?').all(docId) as OldChunk[];
  const byHash = new Map<string, OldChunk[]>();
  for (const c of old) byHash.set(c.hash, [...(byHash.get(c.hash) ?? []), c]);
  const update = stmt(db, 'UPDATE chunks SET ordinal = ?, first_page = ?, last_page = ?, char_start = ?, char_end = ?, heading_path = ?, locator = ? WHERE id = ?');
  const kept = new Set<number>();
  const added: unknown[][] = [];
  for (const d of drafts) {
    const heading = JSON.stringify(d.headingPath);
    const locator = d.locator ? JSON.stringify(d.locator) : null;
    const match = byHash.get(d.hash)?.shift();
    if (match) {
      kept.add(match.id);
      const same = match.ordinal === d.ordinal && match.first_page === d.firstPage && match.last_page === d.lastPage
        && match.char_start === d.start && match.char_end === d.end && match.heading_path === heading && match.locator === locator;
      if (!same) update.run(d.ordinal, d.firstPage, d.lastPage, d.start, d.end, heading, locator, match.id);
    } else {
      added.push([docId, d.ordinal, d.firstPage, d.lastPage, d.start, d.end, heading, d.text, d.hash, locator]);
    }
  }
  for (let i = 0; i < added.length; i += INSERT_ROWS) {
    const rows = added.slice(i, i + INSERT_ROWS);
    stmt(db, insertSql(rows.length)).run(rows.flat());
  }
  const del = stmt(db, 'DELETE FROM chunks WHERE id = ?');
  for (const c of old) if (!kept.has(c.id)) del.run(c.id);
}
