/**
 * PubMed for the desktop screens, on the engine's PubMed facade (engine/app/pubmed.ts, which the
 * CLI uses too) with the NCBI and Ollama settings: draft queries with the local LLM, check a
 * query's syntax, and import records by PMID into the library. The search screen is pubmed-search.ts.
 */
import { Llm, resolveLlmConfig } from '../../engine/app/llm.js';
import {
  checkPubmed, createEutils, draftPubmed, fetchPubmed, importFetched, ncbiSettings, pmidList, type CheckedCandidate, type Eutils,
} from '../../engine/app/pubmed.js';
import { EngineError } from '../../engine/errors.js';
import type { EngineHolder } from './engine.js';
import { llmConfigOf } from './engine-config.js';
import type { PubmedCheckResult, PubmedDraftRequest, PubmedImportResult, Settings } from './types.js';

/** NCBI's address, API key and e-mail from the settings ('' is unset). */
export const ncbiOf = (s: Settings) => ncbiSettings(s.pubmed);

let client: { key: string; eutils: Eutils } | null = null;

/** One E-utilities client (and its response cache) while the NCBI settings stay the same. */
export function eutilsOf(s: Settings): Eutils {
  const ncbi = ncbiOf(s);
  const key = JSON.stringify(ncbi);
  if (client?.key !== key) client = { key, eutils: createEutils(ncbi) };
  return client.eutils;
}

export async function pubmedDraft(s: Settings, r: PubmedDraftRequest): Promise<CheckedCandidate[]> {
  return draftPubmed({
    question: r.question, seeds: pmidList(r.seeds, 'seeds'), ...(r.k !== undefined ? { k: r.k } : {}),
    ncbi: ncbiOf(s), eutils: eutilsOf(s), llm: new Llm(resolveLlmConfig(llmConfigOf(s))),
  });
}

export function pubmedCheck(query: string): PubmedCheckResult {
  return checkPubmed(query);
}

export async function pubmedImport(s: Settings, engine: EngineHolder, given: string[]): Promise<PubmedImportResult> {
  const wanted = pmidList(given, 'pubmedImport');
  if (wanted.length === 0) throw new EngineError('BAD_ARGUMENT', 'importing from PubMed needs one or more PMIDs');
  const fetched = await fetchPubmed(eutilsOf(s), wanted);
  return fetched.records.length ? engine.use((e) => importFetched(e, fetched)) : importFetched(null, fetched);
}
