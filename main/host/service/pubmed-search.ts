/**
 * The PubMed search screen: the query's count and NCBI's translation, the first `retmax` records
 * (title, authors, journal, year, DOI), each marked with the library document that already holds
 * it (by PMID or DOI); with seed PMIDs, recall within the first 3,000 ids (DeepRetrieval's measure,
 * as `delve pubmed search`).
 */
import { authorString, inLibrary, pmidList, searchPubmed, type PubmedRecord } from '../../engine/app/pubmed.js';
import { EngineError } from '../../engine/errors.js';
import type { EngineHolder } from './engine.js';
import { eutilsOf } from './pubmed.js';
import type { PubmedRecordRow, PubmedSearchResult, Settings } from './types.js';

export const DEFAULT_RETMAX = 20;
export const MAX_RETMAX = 200;

export async function pubmedSearch(
  s: Settings, engine: EngineHolder, query: string, opts: { seeds?: string[]; retmax?: number } = {},
): Promise<PubmedSearchResult> {
  if (query.trim() === '') throw new EngineError('BAD_ARGUMENT', 'a PubMed search needs a query');
  const seeds = pmidList(opts.seeds, 'seeds');
  const retmax = opts.retmax ?? DEFAULT_RETMAX;
  if (!Number.isInteger(retmax) || retmax < 1 || retmax > MAX_RETMAX) throw new EngineError('BAD_ARGUMENT', `retmax must be a whole number from 1 to ${MAX_RETMAX}`);
  const eutils = eutilsOf(s);
  const found = await searchPubmed(eutils, query, { seeds, retmax });
  const ids = found.ids.slice(0, retmax);
  const byPmid = new Map((ids.length ? await eutils.efetch(ids) : []).map((r) => [r.pmid, r]));
  const records = ids.map((id) => byPmid.get(id)).filter((r): r is PubmedRecord => r !== undefined);
  return {
    query,
    count: found.count,
    translation: found.translation,
    records: await rows(engine, records),
    recall: found.recall,
    seedsMissed: found.seedsMissed,
  };
}

async function rows(engine: EngineHolder, records: PubmedRecord[]): Promise<PubmedRecordRow[]> {
  if (records.length === 0) return [];
  const known = await engine.use((e) => inLibrary(e, records));
  return records.map((r, i) => ({
    pmid: r.pmid,
    title: r.title,
    authors: r.authors.map(authorString),
    journal: r.journal,
    year: r.year,
    doi: r.doi,
    inLibrary: known[i] ?? null,
  }));
}
