/**
 * ClinicalTrials.gov for the desktop's Trials screen, on the engine's trials modules (as `delve
 * trials`): check an Essie expression, search (the ids of the first `limit` over every page read,
 * seed recall, the first studies with "in library" marks), draft searches with the local LLM, import
 * studies with their publications in the library. The registry's address is $DELVE_CTGOV_URL
 * (default the real API v2) and its pace $DELVE_CTGOV_PACE_MS (default one request a second).
 */
import { EngineError } from '../../engine/errors.js';
import { Llm } from '../../engine/llm/client.js';
import { resolveLlmConfig } from '../../engine/llm/config.js';
import { parsePico } from '../../engine/pubmed/draft/pico.js';
import { createCtgov, type Ctgov } from '../../engine/trials/api/client.js';
import { MAX_PAGE_SIZE, nctIds } from '../../engine/trials/api/params.js';
import { nctIdOf } from '../../engine/trials/api/types.js';
import { draftTrialQueries, TRIALS_RECALL_AT, type TrialCandidate } from '../../engine/trials/draft/index.js';
import { checkEssie } from '../../engine/trials/essie/index.js';
import { trialRecord } from '../../engine/trials/library/record.js';
import type { EngineHolder } from './engine.js';
import { llmConfigOf } from './engine-config.js';
import type { Settings, TrialsCheckResult, TrialsDraftRequest, TrialsImportResult, TrialsSearchResult, TrialStudyRow } from './types.js';

let client: { key: string; ctgov: Ctgov } | null = null;

export function ctgovOf(): Ctgov {
  const baseUrl = process.env.DELVE_CTGOV_URL || undefined;
  const pace = process.env.DELVE_CTGOV_PACE_MS ? Number(process.env.DELVE_CTGOV_PACE_MS) : undefined;
  const key = JSON.stringify([baseUrl, pace]);
  if (client?.key !== key) client = { key, ctgov: createCtgov({ ...(baseUrl ? { baseUrl } : {}), ...(pace !== undefined && pace >= 0 ? { paceMs: pace } : {}) }) };
  return client.ctgov;
}

export function trialsCheck(query: string): TrialsCheckResult {
  const r = checkEssie(query);
  const warnings = r.warnings.map((w) => w.message);
  return r.ok
    ? { valid: true, normalized: r.normalized, errors: [], warnings }
    : { valid: false, normalized: null, errors: r.errors.map((e) => ({ offset: e.offset, message: e.message })), warnings };
}

export async function trialsSearch(engine: EngineHolder, query: string, opts: { seeds?: string[]; limit?: number; show?: number } = {}): Promise<TrialsSearchResult> {
  const check = checkEssie(query);
  if (!check.ok) throw new EngineError('CTGOV_QUERY_INVALID', `the query does not parse: ${check.errors[0]!.message} (offset ${check.errors[0]!.offset})`);
  const seeds = nctIds(opts.seeds ?? []);
  const ctgov = ctgovOf();
  const r = await ctgov.searchAll({ term: check.normalized }, { limit: opts.limit ?? TRIALS_RECALL_AT });
  const shown = r.ids.slice(0, opts.show ?? 20);
  const page = shown.length ? await ctgov.studies({ ids: shown, pageSize: shown.length }) : { studies: [] };
  const byId = new Map(page.studies.map((s) => [nctIdOf(s), s]));
  const inLibrary = await engine.use((e) => e.trialMatches(shown));
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

export async function trialsDraft(s: Settings, r: TrialsDraftRequest): Promise<TrialCandidate[]> {
  const k = r.k ?? 4;
  if (!Number.isInteger(k) || k < 1 || k > 16) throw new EngineError('BAD_ARGUMENT', 'the number of candidates (k) must be a whole number from 1 to 16');
  const pico = r.patient ? null : parsePico(r.question);
  return draftTrialQueries({
    ...(r.patient ? { patient: r.question } : pico ? { pico } : { question: r.question }), seeds: r.seeds ?? [], k,
    form: r.perArea ? 'areas' : 'query', llm: new Llm(resolveLlmConfig(llmConfigOf(s))), ctgov: ctgovOf(),
  });
}

export async function trialsImport(engine: EngineHolder, given: string[]): Promise<TrialsImportResult> {
  const wanted = nctIds(given);
  if (wanted.length === 0) throw new EngineError('BAD_ARGUMENT', 'importing trials needs one or more NCT ids');
  const studies = [];
  for (let i = 0; i < wanted.length; i += MAX_PAGE_SIZE) studies.push(...(await ctgovOf().studies({ ids: wanted.slice(i, i + MAX_PAGE_SIZE), pageSize: MAX_PAGE_SIZE })).studies);
  const want = new Set(wanted);
  const found = studies.filter((s) => want.has(nctIdOf(s) ?? ''));
  const got = new Set(found.map(nctIdOf));
  const imported = found.length ? await engine.use((e) => e.importTrials(found)) : [];
  const created = imported.filter((t) => t.created).length;
  return {
    imported: created, updated: imported.length - created, missing: wanted.filter((id) => !got.has(id)),
    documents: imported.map((t) => ({ nctId: t.nctId, docId: t.docId, title: t.title, publications: t.links.publications.map((p) => ({ pmid: p.pmid, doi: p.doi, inLibrary: p.inLibrary })) })),
  };
}
