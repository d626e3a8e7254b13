/**
 * The PubMed search screen: the query's count and NCBI's translation, the first `retmax` records
 * (title, authors, journal, year, DOI), each marked with the library document that already holds
 * it (by PMID or DOI); with seed PMIDs, recall within the first 3,000 ids (DeepRetrieval's measure,
 * as `delve pubmed search`).
 */
import { RECALL_AT } from '../../engine/pubmed/draft/index.js';
import { EngineError } from '../../engine/errors.js';
import { normalizeDoi } from '../../engine/pubmed/library/doi.js';
import { authorString } from '../../engine/pubmed/library/names.js';
import type { PubmedRecord } from '../../engine/pubmed/eutils/types.js';
import type { EngineHolder } from './engine.js';
import { eutilsOf, pmids } from './pubmed.js';
import type { PubmedRecordRow, PubmedSearchResult, Settings } from './types.js';

export const DEFAULT_RETMAX = 20;
export const MAX_RETMAX = 200;

export async function pubmedSearch(
  s: Settings, engine: EngineHolder, query: string, opts: { seeds?: string[]; retmax?: number } = {},
): Promise<PubmedSearchResult> {
  if (query.trim() === '') throw new EngineError('BAD_ARGUMENT', 'a PubMed search needs a query');
  const seeds = pmids(opts.seeds, 'seeds');
  const retmax = opts.retmax ?? DEFAULT_RETMAX;
  if (!Number.isInteger(retmax) || retmax < 1 || retmax > MAX_RETMAX) throw new EngineError('BAD_ARGUMENT', `retmax must be a whole number from 1 to ${MAX_RETMAX}`);
  const eutils = eutilsOf(s);
  const found = seeds.length ? await eutils.esearchAll(query, { limit: RECALL_AT }) : await eutils.esearch(query, { retmax });
  const ids = found.ids.slice(0, retmax);
  const byPmid = new Map((ids.length ? await eutils.efetch(ids) : []).map((r) => [r.pmid, r]));
  const records = ids.map((id) => byPmid.get(id)).filter((r): r is PubmedRecord => r !== undefined);
  const got = new Set(found.ids);
  const seedsFound = seeds.filter((id) => got.has(id));
  return {
    query,
    count: found.count,
    translation: found.translation,
    records: await rows(engine, records),
    recall: seeds.length ? seedsFound.length / seeds.length : null,
    seedsMissed: seeds.filter((id) => !got.has(id)),
  };
}

async function rows(engine: EngineHolder, records: PubmedRecord[]): Promise<PubmedRecordRow[]> {
  if (records.length === 0) return [];
  const dois = records.map((r) => normalizeDoi(r.doi));
  const known = await engine.use((e) => e.libraryMatches({ pmids: records.map((r) => r.pmid), dois: dois.filter((d): d is string => d !== null) }));
  return records.map((r, i) => ({
    pmid: r.pmid,
    title: r.title,
    authors: r.authors.map(authorString),
    journal: r.journal,
    year: r.year,
    doi: r.doi,
    inLibrary: known.pmids[r.pmid] ?? (dois[i] ? known.dois[dois[i]] : undefined) ?? null,
  }));
}
