/**
 * Search strategies (Ovid MEDLINE, PubMed) as the app uses them: main/engine/strategy; and each
 * line's PubMed count through E-utilities (esearch with retmax 0, the app's PubMed client with its
 * NCBI pacing), its references expanded so the count is that of the line's full query.
 */
import { EngineError } from '../errors.js';
import type { Eutils } from '../pubmed/eutils/client.js';
import { lineQueries, parseStrategy, type Syntax } from '../strategy/index.js';

export { translateStrategy, type Translation } from '../strategy/index.js';

export interface LineCount {
  n: number;
  /** The line's full PubMed query (references expanded); null when it has no translation. */
  query: string | null;
  count: number | null;
  /** Why there is no count: NOT_TRANSLATED, or the PubMed error (PUBMED_UNREACHABLE, PUBMED_QUERY_INVALID…). */
  error?: { code: string; message: string };
}

const NOT_TRANSLATED = { code: 'NOT_TRANSLATED', message: 'this line (or a line it uses) has no PubMed translation' };

/**
 * Every line's PubMed hit count, one esearch per line in order. Never throws for PubMed's failures:
 * each line carries its error, and once NCBI is unreachable the lines after are not asked.
 * Cancelling (`signal`) throws CANCELLED.
 */
export async function strategyCounts(text: string, eutils: Eutils, o: { from?: Syntax; signal?: AbortSignal } = {}): Promise<LineCount[]> {
  const queries = lineQueries(parseStrategy(text, o.from ? { from: o.from } : {}));
  const out: LineCount[] = [];
  let down: { code: string; message: string } | null = null;
  for (const { n, query } of queries) {
    if (query === null) { out.push({ n, query, count: null, error: NOT_TRANSLATED }); continue; }
    if (down) { out.push({ n, query, count: null, error: down }); continue; }
    try {
      const r = await eutils.esearch(query, { retmax: 0, ...(o.signal ? { signal: o.signal } : {}) });
      out.push({ n, query, count: r.count });
    } catch (err) {
      if (!(err instanceof EngineError) || err.code === 'CANCELLED') throw err;
      const error = { code: err.code, message: err.message };
      if (err.code === 'PUBMED_UNREACHABLE') down = error;
      out.push({ n, query, count: null, error });
    }
  }
  return out;
}
