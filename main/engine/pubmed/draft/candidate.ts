/** One drafted PubMed query and what searching it showed. */
import type { QueryIssue } from '../query/index.js';

export interface DraftCandidate {
  /** 1-based, after ranking. */
  rank: number;
  /** The samples (0-based LLM calls) whose reply gave this query; duplicates are merged. */
  samples: number[];
  /** The query as the model wrote it; null when none could be read from the reply. */
  query: string | null;
  /** The canonical form (checkQuery): equal forms are one candidate; null when invalid. */
  normalized: string | null;
  /** What was sent to PubMed: the same tree with every operator group in parentheses. */
  searched: string | null;
  /** PubMed's hit count. */
  count: number | null;
  /** How PubMed read the query. */
  translation: string | null;
  /** Phrases and fields PubMed did not find (and ignored). */
  notFound: string[];
  /** |seeds ∩ first 3,000 ids| / |seeds|; null without seeds or when the query was not searched. */
  recall: number | null;
  seedsFound: string[];
  seedsMissed: string[];
  /** |ln count − ln target|: how far the count is from a reasonable size. */
  countDistance: number | null;
  /** DeepRetrieval's reward (format + answer), with seeds only. */
  reward: number | null;
  /** The reply had DeepRetrieval's format: reasoning, then exactly one <answer>…</answer>. */
  formatOk: boolean;
  /** The query was read despite unescaped quotes in its JSON. */
  loose: boolean;
  /** Syntax errors (the query was not sent to PubMed). */
  errors?: QueryIssue[];
  /** No query in the reply, an LLM call that failed, or PubMed refusing the query. */
  error?: string;
  /** The model's answer text and its reasoning. */
  reply: string;
  thinking: string | null;
}

export function failed(c: DraftCandidate): boolean {
  return c.error !== undefined || c.errors !== undefined;
}

export function emptyCandidate(sample: number, reply = '', thinking: string | null = null): DraftCandidate {
  return {
    rank: 0, samples: [sample], query: null, normalized: null, searched: null, count: null, translation: null, notFound: [],
    recall: null, seedsFound: [], seedsMissed: [], countDistance: null, reward: null, formatOk: false, loose: false,
    reply, thinking,
  };
}
