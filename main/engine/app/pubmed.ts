/**
 * PubMed as the app and the CLI both use it: the one implementation of searching (with seed
 * recall), fetching and importing records, checking a query's syntax and drafting queries with the
 * local LLM. The CLI commands (`delve pubmed …`) and the desktop service (main/host/service/pubmed*.ts)
 * call these and only shape the output. Importing goes through the engine facade (`importPubmed`,
 * `libraryMatches`), never the database directly.
 */
import type { DelveEngine } from '../index.js';
import { EngineError } from '../errors.js';
import type { Llm } from '../llm/client.js';
import { createMeshClient, draftAndCheck, parsePico, RECALL_AT, type CheckedCandidate } from '../pubmed/draft/index.js';
import { createEutils, type Eutils } from '../pubmed/eutils/client.js';
import type { EsearchResult, PubmedRecord } from '../pubmed/eutils/types.js';
import { normalizeDoi } from '../pubmed/library/doi.js';
import { checkQuery } from '../pubmed/query/index.js';

export { RECALL_AT, type CheckedCandidate };
export { createEutils, DEFAULT_BASE_URL, type Eutils } from '../pubmed/eutils/client.js';
export type { PubmedRecord } from '../pubmed/eutils/types.js';
export { authorString } from '../pubmed/library/names.js';

export { ncbiSettings, pmidList, type NcbiSettings } from './pubmed-args.js';
import type { NcbiSettings } from './pubmed-args.js';

export interface PubmedSearchOutcome extends EsearchResult {
  /** |seeds ∩ first RECALL_AT ids| / |seeds|; null without seeds. */
  recall: number | null;
  seedsFound: string[];
  seedsMissed: string[];
}

export interface PubmedSearchOptions {
  seeds?: readonly string[];
  /** Without seeds and without `all`, only the first `retmax` ids are asked for. */
  retmax?: number;
  /** Retrieve the first RECALL_AT ids even without seeds (DeepRetrieval's Recall@3K). */
  all?: boolean;
  signal?: AbortSignal;
}

/** A query's count, NCBI's translation, its ids and, with seed PMIDs, recall within the first RECALL_AT ids. */
export async function searchPubmed(eutils: Eutils, query: string, o: PubmedSearchOptions = {}): Promise<PubmedSearchOutcome> {
  const seeds = [...(o.seeds ?? [])];
  const signal = o.signal ? { signal: o.signal } : {};
  const found = seeds.length || o.all
    ? await eutils.esearchAll(query, { limit: RECALL_AT, ...signal })
    : await eutils.esearch(query, { retmax: o.retmax ?? 20, ...signal });
  const got = new Set(found.ids);
  const seedsFound = seeds.filter((s) => got.has(s));
  return { ...found, recall: seeds.length ? seedsFound.length / seeds.length : null, seedsFound, seedsMissed: seeds.filter((s) => !got.has(s)) };
}

/** The records PubMed has for these PMIDs (in PubMed's order), and the PMIDs it has none for. */
export async function fetchPubmed(eutils: Eutils, pmids: readonly string[], signal?: AbortSignal): Promise<{ records: PubmedRecord[]; missing: string[] }> {
  const wanted = new Set(pmids);
  const records = (await eutils.efetch(pmids, signal ? { signal } : {})).filter((r) => wanted.has(r.pmid));
  const got = new Set(records.map((r) => r.pmid));
  return { records, missing: pmids.filter((p) => !got.has(p)) };
}

export interface PubmedImportResult {
  imported: number;
  updated: number;
  documents: { pmid: string; docId: number; title: string | null }[];
  missing: string[];
}

/**
 * Imports fetched records into the library through the engine (a PMID already there is updated).
 * The engine is touched only when there is a record (null is fine when there is none).
 */
export function importFetched(
  engine: Pick<DelveEngine, 'importPubmed'> | null, fetched: { records: PubmedRecord[]; missing: string[] },
): PubmedImportResult {
  const imported = fetched.records.length && engine ? engine.importPubmed(fetched.records) : [];
  const created = imported.filter((r) => r.created).length;
  return {
    imported: created, updated: imported.length - created,
    documents: imported.map(({ pmid, docId, title }) => ({ pmid, docId, title })), missing: fetched.missing,
  };
}

/** Each record's library document (by PMID, else by DOI), or null. */
export function inLibrary(engine: Pick<DelveEngine, 'libraryMatches'>, records: readonly PubmedRecord[]): (number | null)[] {
  if (records.length === 0) return [];
  const dois = records.map((r) => normalizeDoi(r.doi));
  const known = engine.libraryMatches({ pmids: records.map((r) => r.pmid), dois: dois.filter((d): d is string => d !== null) });
  return records.map((r, i) => known.pmids[r.pmid] ?? (dois[i] ? known.dois[dois[i]] : undefined) ?? null);
}

export interface PubmedCheckResult {
  valid: boolean;
  normalized: string | null;
  errors: { offset: number; message: string }[];
  warnings: string[];
}

/** A query's syntax, offline: its normalised form, or its errors with offsets. */
export function checkPubmed(query: string): PubmedCheckResult {
  const r = checkQuery(query);
  const warnings = r.warnings.map((w) => w.message);
  return r.ok
    ? { valid: true, normalized: r.normalized, errors: [], warnings }
    : { valid: false, normalized: null, errors: r.errors.map((e) => ({ offset: e.offset, message: e.message })), warnings };
}

export interface PubmedDraftInput {
  question: string;
  seeds?: readonly string[];
  /** Candidates asked of the LLM (default 4, 1 to 16). */
  k?: number;
  ncbi: NcbiSettings;
  llm: Llm;
  /** An E-utilities client to reuse (its cache); default one made from `ncbi`. */
  eutils?: Eutils;
  signal?: AbortSignal;
}

/** Candidate queries from the local LLM, each checked and measured on PubMed (seed recall). */
export async function draftPubmed(d: PubmedDraftInput): Promise<CheckedCandidate[]> {
  const k = d.k ?? 4;
  if (!Number.isInteger(k) || k < 1 || k > 16) throw new EngineError('BAD_ARGUMENT', 'the number of candidates (k) must be a whole number from 1 to 16');
  const pico = parsePico(d.question);
  return draftAndCheck({
    ...(pico ? { pico } : { question: d.question }), seeds: [...(d.seeds ?? [])], k,
    llm: d.llm, eutils: d.eutils ?? createEutils(d.ncbi), mesh: createMeshClient(d.ncbi),
    ...(d.signal ? { signal: d.signal } : {}),
  });
}
