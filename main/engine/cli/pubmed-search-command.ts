/**
 * `delve pubmed search "<query>" [--seeds PMID,…]`: runs the query on PubMed through E-utilities
 * and measures it as DeepRetrieval does: the first 3,000 PMIDs (Recall@3K) and, with seed PMIDs,
 * recall = |seeds ∩ first 3,000| / |seeds|. Without --api-key / --email the environment's
 * NCBI_API_KEY / NCBI_EMAIL are used when set. Failures are thrown (PubmedError is an EngineError).
 */
import { createEutils } from '../pubmed/eutils/client.js';
import { UsageError } from './args.js';

type Out = (s: string) => void;

/** DeepRetrieval's measure: recall against the first 3,000 PMIDs. */
export const RECALL_AT = 3000;

export interface PubmedSearchArgs {
  query: string;
  seeds?: string[];
  /** E-utilities base URL (default NCBI's). */
  eutils?: string;
  apiKey?: string;
  email?: string;
  json: boolean;
}

export async function pubmedSearch(a: PubmedSearchArgs, out: Out): Promise<number> {
  if (a.query.trim() === '') throw new UsageError('pubmed search needs a query (quote it)');
  const seeds = [...new Set((a.seeds ?? []).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean))];
  const bad = seeds.filter((s) => !/^\d{1,9}$/.test(s));
  if (bad.length) throw new UsageError(`--seeds takes PMIDs; not PMIDs: ${bad.slice(0, 5).join(', ')}`);
  const apiKey = a.apiKey ?? (process.env.NCBI_API_KEY || undefined);
  const email = a.email ?? (process.env.NCBI_EMAIL || undefined);
  const eutils = createEutils({ ...(a.eutils ? { baseUrl: a.eutils } : {}), ...(apiKey ? { apiKey } : {}), ...(email ? { email } : {}) });

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  let r;
  try {
    r = await eutils.esearchAll(a.query, { limit: RECALL_AT, signal: controller.signal });
  } finally {
    process.off('SIGINT', stop);
  }
  const got = new Set(r.ids);
  const seedsFound = seeds.filter((s) => got.has(s));
  const seedsMissed = seeds.filter((s) => !got.has(s));
  const recall = seeds.length ? seedsFound.length / seeds.length : null;

  if (a.json) {
    out(JSON.stringify({ count: r.count, ids: r.ids, translation: r.translation, recall, seedsFound, seedsMissed, errors: r.errors, warnings: r.warnings }));
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
  if (r.ids.length) out(`first ${Math.min(20, r.ids.length)} ids: ${r.ids.slice(0, 20).join(' ')}`);
  return 0;
}
