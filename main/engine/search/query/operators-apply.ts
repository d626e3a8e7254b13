/**
 * Applies a parsed query (search/query/operators.ts): the FTS5 expression BM25 runs (phrases required,
 * exclusions with NOT, every unit also in the scoring), the passage constraint every list's results
 * must meet (so dense results honour phrases and exclusions too), and the documents the filters allow.
 */
import type { Db } from '../../store/db.js';
import type { Filter, ParsedQuery } from './operators.js';
import { buildFtsQuery, normalizeForSearch } from './query.js';

/** A phrase, word or exclusion as an FTS5 string (operators.ts left only index tokens in it). */
const unit = (s: string) => `"${normalizeForSearch(s).replaceAll('"', '""')}"`;
const anyOf = (items: readonly string[]) => items.map(unit).join(' OR ');

/** What BM25 matches and ranks by; null when nothing positive is left to search for. */
export function matchExpression(p: ParsedQuery): string | null {
  const words = buildFtsQuery(p.words.join(' ')).match;
  const req = p.required.map((alts) => `(${anyOf(alts)})`).join(' AND ');
  // `R AND (units of R OR words)` matches what R matches and lets bm25() count the words too.
  const positive = req ? (words ? `${req} AND (${anyOf(p.required.flat())} OR ${words})` : req) : words;
  if (!positive) return null;
  return p.excluded.length > 0 ? `(${positive}) NOT (${anyOf(p.excluded)})` : positive;
}

/** Of these chunks, those holding every required unit and no excluded one. */
export function meetsConstraint(db: Db, p: ParsedQuery, ids: readonly number[]): Set<number> {
  let keep = new Set(ids);
  const matching = (expr: string, list: number[]) => new Set(db.prepare('SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))')
    .pluck().all(expr, JSON.stringify(list)) as number[]);
  if (p.required.length > 0 && keep.size > 0) keep = matching(p.required.map((alts) => `(${anyOf(alts)})`).join(' AND '), [...keep]);
  if (p.excluded.length > 0 && keep.size > 0) {
    const out = matching(anyOf(p.excluded), [...keep]);
    keep = new Set([...keep].filter((id) => !out.has(id)));
  }
  return keep;
}

function clause(f: Filter): { sql: string; params: unknown[] } {
  switch (f.field) {
    case 'author': return { sql: 'EXISTS (SELECT 1 FROM json_each(d.authors) a WHERE a.value LIKE ?)', params: [`%${f.value}%`] };
    case 'year': return { sql: 'd.year BETWEEN ? AND ?', params: f.years! };
    case 'type': return { sql: 'd.kind = ?', params: [f.value] };
    case 'folder': return { sql: 'instr(lower(d.path), lower(?)) > 0', params: [f.value] };
    case 'tag': return {
      sql: `EXISTS (SELECT 1 FROM json_each(d.metadata, '$.tags') t WHERE lower(t.value) = lower(?))
        OR EXISTS (SELECT 1 FROM json_each(d.metadata, '$.zotero.tags') z WHERE lower(z.value) = lower(?))`,
      params: [f.value.replace(/^#/, ''), f.value.replace(/^#/, '')],
    };
    case 'collection': return {
      sql: `d.id IN (SELECT e.doc_id FROM evidence e JOIN collections c ON c.id = e.collection_id
        WHERE c.name = ? AND c.deleted_at IS NULL AND e.deleted_at IS NULL AND e.doc_id IS NOT NULL)`,
      params: [f.value],
    };
  }
}

/** The documents every filter allows; null without filters. Adds a note for a collection that does not exist. */
export function allowedDocuments(db: Db, filters: readonly Filter[], notes: string[]): Set<number> | null {
  if (filters.length === 0) return null;
  for (const f of filters) {
    if (f.field === 'collection' && db.prepare('SELECT COUNT(*) FROM collections WHERE name = ? AND deleted_at IS NULL').pluck().get(f.value) === 0) {
      notes.push(`there is no collection named “${f.value}”`);
    }
  }
  const parts = filters.map((f) => { const c = clause(f); return { sql: `${f.negated ? 'NOT ' : ''}(${c.sql})`, params: c.params }; });
  return new Set(db.prepare(`SELECT d.id FROM documents d WHERE ${parts.map((p) => p.sql).join(' AND ')}`).pluck()
    .all(...parts.flatMap((p) => p.params)) as number[]);
}

/** How the query was understood, for the line under the search box. */
export function describeQuery(p: ParsedQuery): string[] {
  return [
    ...p.required.map((alts) => (alts.length === 1 ? `must contain “${alts[0]}”` : `must contain one of ${alts.map((a) => `“${a}”`).join(', ')}`)),
    ...p.excluded.map((x) => `without “${x}”`),
    ...p.filters.map((f) => `${f.negated ? 'not ' : ''}${f.field}: ${f.value}`),
  ];
}
