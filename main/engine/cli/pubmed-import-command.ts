/**
 * `delve pubmed import <PMID…> --db <file> [--eutils URL]`: fetches the records with efetch (through
 * the E-utilities client: rate limit, retries, cache) and imports them into the library as
 * `pubmed:<PMID>` documents (a PMID already there is updated in place). Without --api-key / --email
 * the environment's NCBI_API_KEY / NCBI_EMAIL are used when set. Exit code 1 when PubMed returned no
 * record for some PMID (they are listed in `missing`), else 0.
 *
 * --json prints `{"imported":N,"updated":M,"documents":[{"pmid","docId","title"}],"missing":[…]}`.
 * `delve pubmed offline` is in pubmed-offline-command.ts (re-exported here).
 */
import { resolveConfig } from '../config.js';
import { createEutils } from '../pubmed/eutils/client.js';
import { importRecords } from '../pubmed/library/import.js';
import { openDb } from '../store/db.js';
import { ncbiSettings, pmidList, UsageError } from './args.js';

export { pubmedOffline } from './pubmed-offline-command.js';

type Out = (s: string) => void;

export interface PubmedImportArgs {
  pmids: string[];
  /** E-utilities base URL (default NCBI's). */
  eutils?: string;
  apiKey?: string;
  email?: string;
  json: boolean;
}

export async function pubmedImport(engineDbPath: string, a: PubmedImportArgs, out: Out, err: Out): Promise<number> {
  const pmids = pmidList(a.pmids, 'pubmed import');
  if (pmids.length === 0) throw new UsageError('pubmed import needs one or more PMIDs');
  const eutils = createEutils(ncbiSettings(a));

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  let records;
  try {
    records = await eutils.efetch(pmids, { signal: controller.signal });
  } finally {
    process.off('SIGINT', stop);
  }
  const wanted = new Set(pmids);
  records = records.filter((r) => wanted.has(r.pmid));
  const got = new Set(records.map((r) => r.pmid));
  const missing = pmids.filter((p) => !got.has(p));

  const { db } = await openDb(engineDbPath);
  let imported;
  try {
    imported = importRecords(db, records, resolveConfig({ dbPath: engineDbPath }).chunk);
  } finally {
    db.close();
  }
  const created = imported.filter((r) => r.created).length;
  const documents = imported.map(({ pmid, docId, title }) => ({ pmid, docId, title }));
  if (a.json) {
    out(JSON.stringify({ imported: created, updated: imported.length - created, documents, missing }));
  } else {
    out(`PubMed: ${created} imported, ${imported.length - created} updated (${engineDbPath})`);
    for (const d of documents) out(`  ${d.pmid}  #${d.docId}  ${d.title}`);
  }
  if (missing.length) err(`not found in PubMed: ${missing.join(', ')}`);
  return missing.length ? 1 : 0;
}
