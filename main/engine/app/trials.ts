/**
 * ClinicalTrials.gov as the app uses it (the desktop's Trials screen through main/host/service/trials.ts):
 * check an Essie expression, search (the ids of the first `limit` over every page read, seed recall,
 * the first studies with "in library" marks), draft searches with the local LLM, import studies with
 * their publications in the library through the engine facade. The registry's address is
 * $DELVE_CTGOV_URL (default the real API v2) and its pace $DELVE_CTGOV_PACE_MS (default one request a second).
 */
import type { Engine } from '../api.js';
import { EngineError } from '../errors.js';
import type { Llm } from '../llm/client.js';
import { parsePico } from '../pubmed/draft/pico.js';
import { createCtgov, type Ctgov } from '../trials/api/client.js';
import { MAX_PAGE_SIZE, nctIds } from '../trials/api/params.js';
import { nctIdOf } from '../trials/api/types.js';
import { draftTrialQueries, TRIALS_RECALL_AT, type TrialCandidate } from '../trials/draft/index.js';
import { checkEssie } from '../trials/essie/index.js';
import { trialRecord } from '../trials/library/record.js';

export type { Ctgov, TrialCandidate };

/** Runs a function with the open engine (the desktop service's engine holder, or an engine itself). */
export type EngineUse = <T>(fn: (engine: Engine) => T | Promise<T>) => Promise<T>;

export interface TrialsDraftRequest {
  /** A question, PICO lines, or (with `patient`) a patient description. */
  question: string;
  patient?: boolean;
  /** One expression per search area instead of one query. */
  perArea?: boolean;
  /** Known relevant NCT ids. */
  seeds?: string[];
  k?: number;
}

export interface TrialsCheckResult {
  valid: boolean;
  normalized: string | null;
  errors: { offset: number; message: string }[];
  warnings: string[];
}

export interface TrialStudyRow {
  nctId: string;
  title: string;
  status: string | null;
  phases: string[];
  conditions: string[];
  enrollment: number | null;
  startDate: string | null;
  sponsor: string | null;
  /** The library's document for this trial, if any. */
  inLibrary: number | null;
}

export interface TrialsSearchResult {
  query: string;
  count: number;
  /** The NCT ids of every page read (the first `limit`, default 1,000). */
  ids: string[];
  pages: number;
  studies: TrialStudyRow[];
  recall: number | null;
  seedsFound: string[];
  seedsMissed: string[];
}

export interface TrialsImportResult {
  imported: number;
  updated: number;
  missing: string[];
  documents: Array<{
    nctId: string; docId: number; title: string;
    publications: Array<{ pmid: string | null; doi: string | null; inLibrary: Array<{ docId: number; kind: string; title: string | null; via: 'pmid' | 'doi' }> }>;
  }>;
}

let client: { key: string; ctgov: Ctgov } | null = null;

/**
 * The registry client for a base URL (default $DELVE_CTGOV_URL, else the real API v2) and a pace in
 * ms between requests (default $DELVE_CTGOV_PACE_MS, else one a second); one per process for each pair.
 */
export function ctgovFrom(o: { baseUrl?: string | undefined; paceMs?: number | undefined } = {}): Ctgov {
  const baseUrl = o.baseUrl || process.env.DELVE_CTGOV_URL || undefined;
  const raw = process.env.DELVE_CTGOV_PACE_MS;
  const pace = o.paceMs ?? (raw === undefined || raw === '' ? undefined : Number(raw));
  if (pace !== undefined && !(Number.isFinite(pace) && pace >= 0)) throw new EngineError('BAD_ARGUMENT', 'the pace (DELVE_CTGOV_PACE_MS) must be a number of milliseconds ≥ 0');
  const key = JSON.stringify([baseUrl, pace]);
  if (client?.key !== key) client = { key, ctgov: createCtgov({ ...(baseUrl ? { baseUrl } : {}), ...(pace !== undefined ? { paceMs: pace } : {}) }) };
  return client.ctgov;
}

const ctgovOf = (): Ctgov => ctgovFrom();

export function trialsCheck(query: string): TrialsCheckResult {
  const r = checkEssie(query);
  const warnings = r.warnings.map((w) => w.message);
  return r.ok
    ? { valid: true, normalized: r.normalized, errors: [], warnings }
    : { valid: false, normalized: null, errors: r.errors.map((e) => ({ offset: e.offset, message: e.message })), warnings };
}

export async function trialsSearch(use: EngineUse, query: string, opts: { seeds?: string[]; limit?: number; show?: number } = {}): Promise<TrialsSearchResult> {
  const check = checkEssie(query);
  if (!check.ok) throw new EngineError('CTGOV_QUERY_INVALID', `the query does not parse: ${check.errors[0]!.message} (offset ${check.errors[0]!.offset})`);
  const seeds = nctIds(opts.seeds ?? []);
  const ctgov = ctgovOf();
  const r = await ctgov.searchAll({ term: check.normalized }, { limit: opts.limit ?? TRIALS_RECALL_AT });
  const shown = r.ids.slice(0, opts.show ?? 20);
  const page = shown.length ? await ctgov.studies({ ids: shown, pageSize: shown.length }) : { studies: [] };
  const byId = new Map(page.studies.map((s) => [nctIdOf(s), s]));
  const inLibrary = await use((e) => e.trialMatches(shown));
  const studies: TrialStudyRow[] = shown.flatMap((id) => {
    const s = byId.get(id);
    if (!s) return [];
    const t = trialRecord(s);
    return [{ nctId: id, title: t.title, status: t.status, phases: t.phases, conditions: t.conditions, enrollment: t.enrollment?.count ?? null, startDate: t.startDate, sponsor: t.sponsor, inLibrary: inLibrary[id] ?? null }];
  });
  const got = new Set(r.ids);
  const seedsFound = seeds.filter((s) => got.has(s));
  return { query: check.normalized, count: r.count, ids: r.ids, pages: r.pages, studies, recall: seeds.length ? seedsFound.length / seeds.length : null, seedsFound, seedsMissed: seeds.filter((s) => !got.has(s)) };
}

export async function trialsDraft(llm: Llm, r: TrialsDraftRequest): Promise<TrialCandidate[]> {
  const k = r.k ?? 4;
  if (!Number.isInteger(k) || k < 1 || k > 16) throw new EngineError('BAD_ARGUMENT', 'the number of candidates (k) must be a whole number from 1 to 16');
  const pico = r.patient ? null : parsePico(r.question);
  return draftTrialQueries({
    ...(r.patient ? { patient: r.question } : pico ? { pico } : { question: r.question }), seeds: r.seeds ?? [], k,
    form: r.perArea ? 'areas' : 'query', llm, ctgov: ctgovOf(),
  });
}

export async function trialsImport(use: EngineUse, given: string[]): Promise<TrialsImportResult> {
  const wanted = nctIds(given);
  if (wanted.length === 0) throw new EngineError('BAD_ARGUMENT', 'importing trials needs one or more NCT ids');
  const studies = [];
  for (let i = 0; i < wanted.length; i += MAX_PAGE_SIZE) studies.push(...(await ctgovOf().studies({ ids: wanted.slice(i, i + MAX_PAGE_SIZE), pageSize: MAX_PAGE_SIZE })).studies);
  const want = new Set(wanted);
  const found = studies.filter((s) => want.has(nctIdOf(s) ?? ''));
  const got = new Set(found.map(nctIdOf));
  const imported = found.length ? await use((e) => e.importTrials(found)) : [];
  const created = imported.filter((t) => t.created).length;
  return {
    imported: created, updated: imported.length - created, missing: wanted.filter((id) => !got.has(id)),
    documents: imported.map((t) => ({ nctId: t.nctId, docId: t.docId, title: t.title, publications: t.links.publications.map((p) => ({ pmid: p.pmid, doi: p.doi, inLibrary: p.inLibrary })) })),
  };
}
