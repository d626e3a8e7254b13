/**
 * Turns ranked chunk ids into SearchResults: document, physical page, printed page label, heading
 * path and a marked snippet: FTS5's snippet where any query term occurs in the chunk (made here, for
 * the final results only), else the chunk's opening words.
 */
import type { SearchResult, SearchTrace } from '../api.js';
import type { Db } from '../store/db.js';
import type { DocKind } from '../types.js';
import { markSnippet } from './snippet.js';

export interface Ranked {
  chunkId: number;
  score: number;
  trace: SearchTrace;
  /** FTS5 snippet with \u0002…\u0003 marks, when the caller already has one. */
  snippet?: string;
}

interface Row {
  chunkId: number; docId: number; path: string; title: string | null; kind: DocKind; page: number | null;
  pageLabel: string | null; headingPath: string; text: string; locator: string | null; ocr: number | null;
}

const OPENING_WORDS = 40;

function opening(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, OPENING_WORDS).join(' ') + (words.length > OPENING_WORDS ? '…' : '');
}

export function hydrate(db: Db, ranked: Ranked[], ftsQuery: string | null): SearchResult[] {
  if (ranked.length === 0) return [];
  const ids = JSON.stringify(ranked.map((r) => r.chunkId));
  const rows = db.prepare(`
    SELECT c.id AS chunkId, c.doc_id AS docId, d.path, d.title, d.kind, c.first_page AS page, p.label AS pageLabel,
      c.heading_path AS headingPath, c.text, c.locator, c.ocr_confidence AS ocr
    FROM chunks c JOIN documents d ON d.id = c.doc_id
    LEFT JOIN pages p ON p.doc_id = c.doc_id AND p.number = c.first_page
    WHERE c.id IN (SELECT value FROM json_each(?))`).all(ids) as Row[];
  const byId = new Map(rows.map((r) => [r.chunkId, r]));
  const missing = ranked.filter((r) => r.snippet === undefined).map((r) => r.chunkId);
  const ftsSnippets = new Map<number, string>();
  if (ftsQuery !== null && missing.length > 0) {
    const snips = db.prepare(`SELECT rowid AS id, snippet(chunks_fts, 0, char(2), char(3), '…', 32) AS s FROM chunks_fts
      WHERE chunks_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`).all(ftsQuery, JSON.stringify(missing)) as { id: number; s: string }[];
    for (const x of snips) ftsSnippets.set(x.id, x.s);
  }
  const out: SearchResult[] = [];
  for (const r of ranked) {
    const row = byId.get(r.chunkId);
    if (!row) continue; // deleted between ranking and hydration
    const raw = r.snippet ?? ftsSnippets.get(r.chunkId) ?? opening(row.text);
    out.push({
      rank: out.length + 1,
      chunkId: row.chunkId,
      docId: row.docId,
      path: row.path,
      title: row.title,
      kind: row.kind,
      page: row.page,
      pageLabel: row.pageLabel,
      headingPath: JSON.parse(row.headingPath) as string[],
      ...markSnippet(raw),
      ...(row.locator ? { locator: JSON.parse(row.locator) as Record<string, string | number> } : {}),
      ...(row.ocr !== null ? { ocrConfidence: row.ocr } : {}),
      score: r.score,
      trace: r.trace,
    });
  }
  return out;
}
