/**
 * ClinicalTrials.gov for the desktop's Trials screen: the app-level facade (engine/app/trials.ts)
 * with the service's engine and the LLM configured in Settings.
 */
import { Llm, resolveLlmConfig } from '../../engine/app/llm.js';
import * as trials from '../../engine/app/trials.js';
import type { EngineHolder } from './engine.js';
import { llmConfigOf } from './engine-config.js';
import type { Settings, TrialCandidate, TrialsCheckResult, TrialsDraftRequest, TrialsImportResult, TrialsSearchResult } from './types.js';

export const trialsCheck = (query: string): TrialsCheckResult => trials.trialsCheck(query);

export const trialsSearch = (engine: EngineHolder, query: string, opts: { seeds?: string[]; limit?: number; show?: number } = {}): Promise<TrialsSearchResult> =>
  trials.trialsSearch((fn) => engine.use(fn), query, opts);

export const trialsDraft = (s: Settings, r: TrialsDraftRequest): Promise<TrialCandidate[]> =>
  trials.trialsDraft(new Llm(resolveLlmConfig(llmConfigOf(s))), r);

export const trialsImport = (engine: EngineHolder, given: string[]): Promise<TrialsImportResult> =>
  trials.trialsImport((fn) => engine.use(fn), given);
