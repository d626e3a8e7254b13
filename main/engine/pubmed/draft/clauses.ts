/**
 * Per-clause hit counts, like the lines of PubMed's search History: each operand of the query's
 * top-level AND / OR / NOT, and, for an AND, each operand of its OR clauses one level deeper (the
 * synonyms of one concept). Each clause is printed with printQuery (every group in parentheses)
 * and counted with esearch (retmax 0: the count only), through the client and so the shared rate
 * limiter. At most `max` extra requests per query (default 12), top-level clauses first; `skipped`
 * says how many were left uncounted.
 */
import type { Eutils } from '../eutils/client.js';
import { PubmedError } from '../eutils/errors.js';
import { printQuery, type Node } from '../query/index.js';

export const MAX_CLAUSE_REQUESTS = 12;

export interface ClauseCount {
  query: string;
  /** 1: an operand of the whole query; 2: an operand of one of those. */
  depth: 1 | 2;
  count: number | null;
  /** PubMed refused the clause. */
  error?: string;
}

export interface ClauseReport {
  clauses: ClauseCount[];
  /** Clauses not counted because of the cap. */
  skipped: number;
}

/** The clauses to count, top level first, each printed query once. */
export function clauseQueries(tree: Node): { query: string; depth: 1 | 2 }[] {
  if (tree.type !== 'and' && tree.type !== 'or' && tree.type !== 'not') return [];
  const out: { query: string; depth: 1 | 2 }[] = [];
  const seen = new Set<string>();
  const add = (n: Node, depth: 1 | 2) => {
    const query = printQuery(n, { parens: 'all' });
    if (!seen.has(query)) { seen.add(query); out.push({ query, depth }); }
  };
  for (const c of tree.children) add(c, 1);
  if (tree.type === 'and') {
    for (const c of tree.children) if (c.type === 'or') for (const g of c.children) add(g, 2);
  }
  return out;
}

export async function clauseCounts(tree: Node, eutils: Eutils, opts: { max?: number; maxdate?: string; signal?: AbortSignal } = {}): Promise<ClauseReport> {
  const all = clauseQueries(tree);
  const max = Math.max(0, Math.trunc(opts.max ?? MAX_CLAUSE_REQUESTS));
  const todo = all.slice(0, max);
  const clauses = await Promise.all(todo.map(async ({ query, depth }): Promise<ClauseCount> => {
    try {
      const r = await eutils.esearch(query, { retmax: 0, ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.maxdate ? { maxdate: opts.maxdate } : {}) });
      return { query, depth, count: r.count };
    } catch (e) {
      if (e instanceof PubmedError && e.reason === 'PUBMED_QUERY_INVALID') return { query, depth, count: null, error: e.message };
      throw e;
    }
  }));
  return { clauses, skipped: all.length - todo.length };
}
