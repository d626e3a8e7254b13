/**
 * `delve pubmed search "<query>" [--seeds PMID,…]`: runs the query on PubMed through E-utilities
 * and measures it as DeepRetrieval does: the first 3,000 PMIDs (Recall@3K) and, with seed PMIDs,
 * recall = |seeds ∩ first 3,000| / |seeds|. Without --api-key / --email the environment's
 * NCBI_API_KEY / NCBI_EMAIL are used when set. Failures are thrown (PubmedError is an EngineError).
 * With `library` (a Delve database), the first `show` records are fetched (title, journal, year, DOI)
 * and each is marked with the library document that already holds it (by PMID or DOI).
 */
import { createEngine } from '../index.js';
import { createEutils, inLibrary, RECALL_AT, searchPubmed, type Eutils } from '../app/pubmed.js';
import { ncbiSettings, pmidList, UsageError } from './args.js';
import { onInterrupt } from './interrupt.js';

type Out = (s: string) => void;

export { RECALL_AT };

export interface PubmedSearchArgs {
  query: string;
  seeds?: string[];
  /** E-utilities base URL (default NCBI's). */
  eutils?: string;
  apiKey?: string;
  email?: string;
  json: boolean;
  /** A Delve database: mark the records it already has. */
  library?: string;
  /** How many records to fetch and show with `library` (default 20). */
  show?: number;
}

interface Shown { pmid: string; title: string; journal: string | null; year: number | null; doi: string | null; inLibrary: number | null }

async function recordsWithLibrary(eutils: Eutils, ids: string[], library: string, signal: AbortSignal): Promise<Shown[]> {
  if (ids.length === 0) return [];
  const records = await eutils.efetch(ids, { signal });
  const engine = await createEngine({ dbPath: library, bm25MemoryMb: 0 });
  try {
    const known = inLibrary(engine, records);
    return records.map((r, i) => ({ pmid: r.pmid, title: r.title, journal: r.journal, year: r.year, doi: r.doi, inLibrary: known[i] ?? null }));
  } finally {
    engine.close();
  }
}

export async function pubmedSearch(a: PubmedSearchArgs, out: Out): Promise<number> {
  if (a.query.trim() === '') throw new UsageError('pubmed search needs a query (quote it)');
  const seeds = pmidList(a.seeds, '--seeds');
  const eutils = createEutils(ncbiSettings(a));

  const interrupt = onInterrupt();
  let r;
  let shown: Shown[] | null = null;
  try {
    r = await searchPubmed(eutils, a.query, { seeds, all: true, signal: interrupt.signal });
    if (a.library) shown = await recordsWithLibrary(eutils, r.ids.slice(0, a.show ?? 20), a.library, interrupt.signal);
  } finally {
    interrupt.release();
  }
  const { recall, seedsFound, seedsMissed } = r;

  if (a.json) {
    out(JSON.stringify({ count: r.count, ids: r.ids, translation: r.translation, recall, seedsFound, seedsMissed, errors: r.errors, warnings: r.warnings, ...(shown ? { records: shown } : {}) }));
    return 0;
  }
  out(`PubMed: ${r.count.toLocaleString('en-US')} records${r.count > r.ids.length ? ` (first ${r.ids.length.toLocaleString('en-US')} retrieved)` : ''}`);
  if (r.translation !== null) out(`translation: ${r.translation}`);
  if (r.errors.phrasesNotFound.length) out(`not found in PubMed (ignored): ${r.errors.phrasesNotFound.join(', ')}`);
  if (r.errors.fieldsNotFound.length) out(`unknown fields: ${r.errors.fieldsNotFound.join(', ')}`);
  for (const m of [...r.warnings.phrasesIgnored.map((p) => `phrase ignored: ${p}`), ...r.warnings.quotedPhrasesNotFound.map((p) => `quoted phrase not found: ${p}`), ...r.warnings.outputMessages]) out(`warning: ${m}`);
  if (recall !== null) {
    out(`recall@${RECALL_AT}: ${recall.toFixed(3)} (${seedsFound.length}/${seeds.length} seeds)${seedsMissed.length ? `; missed: ${seedsMissed.join(', ')}` : ''}`);
  }
  if (shown) {
    for (const s of shown) out(`  ${s.pmid}  ${s.title} — ${s.journal ?? '?'} ${s.year ?? ''}${s.inLibrary !== null ? '  [in library]' : ''}`);
  } else if (r.ids.length) out(`first ${Math.min(20, r.ids.length)} ids: ${r.ids.slice(0, 20).join(' ')}`);
  return 0;
}
