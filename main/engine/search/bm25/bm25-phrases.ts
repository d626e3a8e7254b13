/**
 * The index terms of a MATCH expression, for the in-memory BM25 (search/bm25/bm25-memory.ts). Only the
 * expressions Delve builds are taken: an OR of quoted strings (search/query/query.ts,
 * search/query/weighted-query.ts). Each string goes through the table's own tokenizer (a temporary FTS5
 * table declared with the same `tokenize` option, read back through fts5vocab), so the terms are
 * exactly the stemmed tokens FTS5 would look up. Anything else (a prefix query, a string that
 * tokenizes to no token or to a phrase of several) is left to FTS5.
 */
import type { Db } from '../../store/db.js';
import { FTS_TABLE } from './bm25-load.js';

/** The strings of `"a" OR "b" OR …`, unescaped, or null for any other expression. */
export function orOfStrings(match: string): string[] | null {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    if (match[at] !== '"') return null;
    let text = '';
    at++;
    for (;;) {
      const q = match.indexOf('"', at);
      if (q < 0) return null;
      text += match.slice(at, q);
      at = q + 1;
      if (match[at] !== '"') break;
      text += '"';
      at++;
    }
    out.push(text);
    if (at === match.length) return out;
    if (!match.startsWith(' OR ', at)) return null;
    at += 4;
  }
}

const CACHE_MAX = 20_000;

export class QueryTerms {
  private ready = false;
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly db: Db, private readonly table = FTS_TABLE) {}

  /** Each string's single index term, in order, or null when FTS5 must run the expression. */
  terms(match: string): string[] | null {
    const strings = orOfStrings(match);
    if (!strings) return null;
    const missing = [...new Set(strings.filter((s) => !this.cache.has(s)))];
    if (missing.length > 0) this.tokenize(missing);
    const out: string[] = [];
    for (const s of strings) {
      const term = this.cache.get(s);
      if (term === null || term === undefined) return null;
      out.push(term);
    }
    return out;
  }

  /** Each text's index terms (stemmed as the table stems them), in order of occurrence. */
  analyze(texts: string[]): string[][] {
    this.prepare();
    const insert = this.db.prepare('INSERT INTO temp.delve_query_terms (rowid, text) VALUES (?, ?)');
    const out: string[][] = texts.map(() => []);
    this.db.transaction(() => {
      texts.forEach((s, i) => insert.run(i + 1, s));
      for (const [doc, term] of this.db.prepare('SELECT doc, term FROM temp.delve_query_terms_v ORDER BY doc, offset').raw().all() as [number, string][]) {
        out[doc - 1]!.push(term);
      }
      this.db.exec('DELETE FROM temp.delve_query_terms');
    })();
    return out;
  }

  private prepare(): void {
    if (!this.ready) {
      const sql = this.db.prepare("SELECT sql FROM sqlite_schema WHERE name = ? AND type = 'table'").pluck().get(this.table) as string | undefined;
      const option = /tokenize\s*=\s*('(?:[^']|'')*'|"(?:[^"]|"")*"|[\w]+)/i.exec(sql ?? '')?.[1];
      this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.delve_query_terms USING fts5 (text${option ? `, tokenize = ${option}` : ''});
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.delve_query_terms_v USING fts5vocab(temp, delve_query_terms, instance);`);
      this.ready = true;
    }
  }

  private tokenize(strings: string[]): void {
    this.prepare();
    if (this.cache.size + strings.length > CACHE_MAX) this.cache.clear();
    const insert = this.db.prepare('INSERT INTO temp.delve_query_terms (rowid, text) VALUES (?, ?)');
    const tokens = new Map<number, string[]>();
    this.db.transaction(() => {
      strings.forEach((s, i) => insert.run(i + 1, s));
      for (const [doc, term] of this.db.prepare('SELECT doc, term FROM temp.delve_query_terms_v').raw().all() as [number, string][]) {
        tokens.set(doc, [...(tokens.get(doc) ?? []), term]);
      }
      this.db.exec('DELETE FROM temp.delve_query_terms');
    })();
    strings.forEach((s, i) => {
      const list = tokens.get(i + 1) ?? [];
      this.cache.set(s, list.length === 1 ? list[0]! : null);
    });
  }
}
