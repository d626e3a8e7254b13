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
import { createEutils, fetchPubmed, importFetched } from '../app/pubmed.js';
import { createEngine } from '../index.js';
import { ncbiSettings, pmidList, UsageError } from './args.js';
import { onInterrupt } from './interrupt.js';

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

  const interrupt = onInterrupt();
  let fetched;
  try {
    fetched = await fetchPubmed(eutils, pmids, interrupt.signal);
  } finally {
    interrupt.release();
  }
  const engine = await createEngine({ dbPath: engineDbPath, bm25MemoryMb: 0 });
  let r;
  try {
    r = importFetched(engine, fetched);
  } finally {
    engine.close();
  }
  const { imported: created, updated, documents, missing } = r;
  if (a.json) {
    out(JSON.stringify({ imported: created, updated, documents, missing }));
  } else {
    out(`PubMed: ${created} imported, ${updated} updated (${engineDbPath})`);
    for (const d of documents) out(`  ${d.pmid}  #${d.docId}  ${d.title}`);
  }
  if (missing.length) err(`not found in PubMed: ${missing.join(', ')}`);
  return missing.length ? 1 : 0;
}
