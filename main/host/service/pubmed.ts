/**
 * PubMed for the desktop screens, on the CLI's modules with the NCBI and Ollama settings: draft
 * queries with the local LLM (as `delve pubmed draft`), check a query's syntax, and import records
 * by PMID into the library. The search screen is pubmed-search.ts.
 */
import { ncbiSettings, pmidList, UsageError } from '../../engine/cli/args.js';
import { EngineError } from '../../engine/errors.js';
import { Llm } from '../../engine/llm/client.js';
import { resolveLlmConfig } from '../../engine/llm/config.js';
import { createMeshClient, draftAndCheck, parsePico, type CheckedCandidate } from '../../engine/pubmed/draft/index.js';
import { createEutils, type Eutils } from '../../engine/pubmed/eutils/client.js';
import { checkQuery } from '../../engine/pubmed/query/index.js';
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

/** PMIDs as given (split on spaces and commas, de-duplicated); anything else is BAD_ARGUMENT. */
export function pmids(values: readonly string[] | undefined, what: string): string[] {
  try {
    return pmidList(values, what);
  } catch (err) {
    if (err instanceof UsageError) throw new EngineError('BAD_ARGUMENT', err.message);
    throw err;
  }
}

export async function pubmedDraft(s: Settings, r: PubmedDraftRequest): Promise<CheckedCandidate[]> {
  const k = r.k ?? 4;
  if (!Number.isInteger(k) || k < 1 || k > 16) throw new EngineError('BAD_ARGUMENT', 'the number of candidates (k) must be a whole number from 1 to 16');
  const pico = parsePico(r.question);
  const ncbi = ncbiOf(s);
  return draftAndCheck({
    ...(pico ? { pico } : { question: r.question }), seeds: pmids(r.seeds, 'seeds'), k,
    llm: new Llm(resolveLlmConfig(llmConfigOf(s))), eutils: eutilsOf(s), mesh: createMeshClient(ncbi),
  });
}

export function pubmedCheck(query: string): PubmedCheckResult {
  const r = checkQuery(query);
  const warnings = r.warnings.map((w) => w.message);
  return r.ok
    ? { valid: true, normalized: r.normalized, errors: [], warnings }
    : { valid: false, normalized: null, errors: r.errors.map((e) => ({ offset: e.offset, message: e.message })), warnings };
}

export async function pubmedImport(s: Settings, engine: EngineHolder, given: string[]): Promise<PubmedImportResult> {
  const wanted = pmids(given, 'pubmedImport');
  if (wanted.length === 0) throw new EngineError('BAD_ARGUMENT', 'importing from PubMed needs one or more PMIDs');
  const want = new Set(wanted);
  const records = (await eutilsOf(s).efetch(wanted)).filter((r) => want.has(r.pmid));
  const got = new Set(records.map((r) => r.pmid));
  const missing = wanted.filter((p) => !got.has(p));
  const imported = records.length ? await engine.use((e) => e.importPubmed(records)) : [];
  const created = imported.filter((r) => r.created).length;
  return { imported: created, updated: imported.length - created, missing, documents: imported.map(({ pmid, docId, title }) => ({ pmid, docId, title })) };
}
