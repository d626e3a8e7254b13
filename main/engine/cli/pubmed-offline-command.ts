/**
 * `delve pubmed offline "<query>" --db <file>`: runs a PubMed Boolean query (or strategy) over the
 * local library: imported PubMed records, PDFs and notes. Exit code 0 when the query ran (even with
 * no hits), 1 when it does not parse (each error printed with a caret, as `pubmed check` does).
 *
 * --json prints `{"count":N,"documents":[{"docId","path","title","pmid"?}],"unsupported":[{"offset","what","why"}]}`
 * or, for a query that does not parse, `{"errors":[{"message","offset"}]}`.
 */
import { existsSync } from 'node:fs';
import { EngineError } from '../errors.js';
import { checkQuery } from '../pubmed/query/index.js';
import { createEngine } from '../index.js';
import { UsageError } from './args.js';
import { caretLines } from './pubmed-check-command.js';

type Out = (s: string) => void;

export async function pubmedOffline(dbPath: string, query: string, json: boolean, out: Out): Promise<number> {
  if (query.trim() === '') throw new UsageError('pubmed offline needs a query (quote it)');
  const check = checkQuery(query);
  if (!check.ok) {
    if (json) out(JSON.stringify({ errors: check.errors.map((e) => ({ message: e.message, offset: e.offset })) }));
    else for (const e of check.errors) { out(`error at offset ${e.offset}: ${e.message}`); for (const l of caretLines(query, e.offset)) out(l); }
    return 1;
  }
  if (dbPath !== ':memory:' && !existsSync(dbPath)) throw new EngineError('DB_OPEN_FAILED', `no library at ${dbPath}: index files or import PubMed records first`);
  const engine = await createEngine({ dbPath, bm25MemoryMb: 0 });
  let documents;
  let unsupported;
  try {
    ({ documents, unsupported } = engine.pubmedOffline(check.tree));
  } finally {
    engine.close();
  }
  if (json) {
    out(JSON.stringify({ count: documents.length, documents, unsupported }));
    return 0;
  }
  out(documents.length === 1 ? '1 document in the library matches' : `${documents.length} documents in the library match`);
  for (const d of documents) out(`  #${d.docId}  ${d.pmid ? `PMID ${d.pmid}` : d.path}  ${d.title ?? ''}`.trimEnd());
  if (unsupported.length) out('not searched as PubMed would:');
  for (const u of unsupported) out(`  offset ${u.offset} ${u.what}: ${u.why}`);
  return 0;
}
