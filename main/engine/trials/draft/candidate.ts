/** One drafted ClinicalTrials.gov search and what running it showed. */
import type { EssieIssue } from '../essie/index.js';
import type { QueryArea } from '../api/types.js';
import type { AreaQueries } from './answer.js';

export interface AreaCount {
  area: QueryArea;
  /** The area's expression, canonical. */
  query: string;
  count: number | null;
  error?: string;
}

export interface TrialCandidate {
  /** 1-based, after ranking. */
  rank: number;
  /** The samples (0-based LLM calls) whose reply gave this search; duplicates are merged. */
  samples: number[];
  /** As the model wrote it, per search area; null when none could be read. */
  areas: AreaQueries | null;
  /** Canonical (checkEssie) per area; null when some area is invalid. */
  normalized: AreaQueries | null;
  /** The registry's totalCount. */
  count: number | null;
  /** The NCT ids read (the first `recallAt`, over as many pages as that takes). */
  idsRead: number;
  pagesRead: number;
  /** |seeds ∩ first recallAt ids| / |seeds|; null without seeds or when not searched. */
  recall: number | null;
  seedsFound: string[];
  seedsMissed: string[];
  /** |ln count − ln target|. */
  countDistance: number | null;
  /** DeepRetrieval's reward (format + answer), with seeds only. */
  reward: number | null;
  /** Each area alone (only when the search uses two or more). */
  areaCounts: AreaCount[];
  /** Each top-level part of an area's AND / OR, counted in that area (like PubMed's clause counts). */
  clauseCounts: AreaCount[];
  formatOk: boolean;
  loose: boolean;
  /** Syntax errors per area (the search was not sent). */
  errors?: Array<EssieIssue & { area: QueryArea }>;
  /** No query in the reply, a failed LLM call, or the registry refusing the search. */
  error?: string;
  reply: string;
  thinking: string | null;
}

export function failedTrial(c: TrialCandidate): boolean {
  return c.error !== undefined || c.errors !== undefined;
}

export function emptyTrial(sample: number, reply = '', thinking: string | null = null): TrialCandidate {
  return {
    rank: 0, samples: [sample], areas: null, normalized: null, count: null, idsRead: 0, pagesRead: 0, recall: null, seedsFound: [],
    seedsMissed: [], countDistance: null, reward: null, areaCounts: [], clauseCounts: [], formatOk: false, loose: false, reply, thinking,
  };
}
