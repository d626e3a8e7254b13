/**
 * Every prompt Delve sends, in one place. Written for Delve (after DIVER's and DeepRetrieval's
 * methods, not copied from them). PROMPT_VERSION is part of every cache key: bump it whenever a
 * prompt or schema here changes, so cached replies to old prompts are not reused.
 */
import type { Message } from 'ollama';

export const PROMPT_VERSION = 'delve-prompts-1';

const numbered = (passages: string[]) => passages.map((p, i) => `[${i + 1}]. ${p}`).join('\n');

/** DIVER QExpand round 1: write a passage that answers the query, helped by the retrieved ones. */
export function expandFirst(query: string, passages: string[]): Message[] {
  return [{
    role: 'user',
    content: `You help a researcher search their own library. Below is their query and passages retrieved for it. ` +
      `Most passages may be irrelevant or wrong. Pick out what is useful, add what you know, and write one passage ` +
      `(about 150 words) that correctly and directly answers the query, in the vocabulary a relevant document would use. ` +
      `Write only the passage.\n\nQuery: ${query}\n\nRetrieved passages:\n${numbered(passages)}`,
  }];
}

/** DIVER QExpand round 2+: refine the previous answer with the newly retrieved passages. */
export function expandRefine(query: string, passages: string[], previous: string): Message[] {
  return [{
    role: 'user',
    content: `You help a researcher search their own library. Below is their query, an answer written earlier, and ` +
      `newly retrieved passages (many may be irrelevant). Improve the earlier answer using what is useful in the ` +
      `passages and what you know; stay on the original query. Write only the improved passage (about 150 words).` +
      `\n\nQuery: ${query}\n\nEarlier answer: ${previous}\n\nRetrieved passages:\n${numbered(passages)}`,
  }];
}

/** DeepRetrieval-style rewrite: reason first, then a keyword query as JSON. */
export function rewrite(query: string): Message[] {
  return [{
    role: 'user',
    content: `Rewrite the search request below into a keyword query for a BM25 full-text search over scientific ` +
      `papers and notes. Think about which terms, synonyms and technical names relevant documents contain; you may ` +
      `use AND, OR and parentheses. If the request is already a good keyword query, return it unchanged.\n` +
      `Reply as <think>your reasoning</think><answer>{"query": "the keyword query"}</answer>\n\nRequest: ${query}`,
  }];
}

export const JUDGE_SCHEMA = {
  type: 'object',
  properties: {
    score: { type: 'integer', minimum: 0, maximum: 10 },
    reason: { type: 'string' },
  },
  required: ['score', 'reason'],
} as const;

/** DIVER's helpfulness judgement: 0–10 against the original query, with a one-sentence reason. */
export function judge(query: string, passage: string): Message[] {
  return [{
    role: 'user',
    content: `Rate how helpful the document is for answering the query, from 0 (irrelevant) to 10 (fully answers ` +
      `it). A document that only mentions similar topics without helping to answer is not helpful. Reply with JSON: ` +
      `{"score": <integer 0-10>, "reason": "<one sentence>"}.\n\n<query>\n${query}\n</query>\n\n<document>\n${passage}\n</document>`,
  }];
}

export const LISTWISE_SCHEMA = {
  type: 'object',
  properties: { ranking: { type: 'array', items: { type: 'integer' } } },
  required: ['ranking'],
} as const;

/** DIVER v2's listwise pass: one prompt ranks all candidates. */
export function listwise(query: string, passages: string[]): Message[] {
  return [{
    role: 'user',
    content: `Below is a query and ${passages.length} numbered documents. Work out what the query really asks, then ` +
      `rank the documents from most to least helpful for answering it. Reply with JSON {"ranking": [ids…]} listing ` +
      `every document number once, best first.\n\nQuery: ${query}\n\nDocuments:\n${numbered(passages.map((p) => p.replace(/\s*\n+\s*/g, ' ')))}`,
  }];
}

/** A review question as PICO parts (population, intervention, comparison, outcome); any may be missing. */
export interface PicoParts { P?: string; I?: string; C?: string; O?: string }

/** What each drafting variant stresses, so that K candidates differ by more than sampling noise. */
const PUBMED_DRAFT_EMPHASES = [
  'For each concept, combine its MeSH heading(s) with free-text synonyms in [tiab].',
  'Lean on free text: many synonyms, spelling variants (British and American) and truncated word stems in [tiab]; add a MeSH heading only where one clearly fits.',
  'Use as few concepts as the question allows (often the two most specific ones), each with a broad OR-list, so that no relevant study is lost.',
  'Think about how authors word this topic in titles and abstracts; use proximity ("word1 word2"[tiab:~3]) for phrases whose words vary in order.',
];

/**
 * DeepRetrieval's PubMed task, for a clinical librarian: write a high-recall PubMed Boolean query for
 * a systematic search from the question (or its PICO, as `P: …` lines), reasoning first, then
 * `<answer>{"query": "…"}</answer>`. Unlike DeepRetrieval, field tags, truncation and proximity are
 * allowed. `variant` picks one of a few emphases (cycled).
 */
export function pubmedDraft(question: string | PicoParts, variant: number): Message[] {
  const asked = typeof question === 'string'
    ? `Review question: ${question.trim()}`
    : (['P', 'I', 'C', 'O'] as const).filter((k) => question[k]?.trim()).map((k) => `${k}: ${question[k]!.trim()}`).join('\n');
  const n = PUBMED_DRAFT_EMPHASES.length;
  const emphasis = PUBMED_DRAFT_EMPHASES[((Math.trunc(variant) % n) + n) % n]!;
  return [
    {
      role: 'system',
      content: 'You are an experienced clinical librarian. You write PubMed search strategies for systematic reviews, ' +
        'where missing a relevant study is worse than screening extra records.',
    },
    {
      role: 'user',
      content: `Write one PubMed Boolean query for a systematic literature search on the review below. Aim for high ` +
        `recall: every study the review would include should be found, in roughly 1,000 to 5,000 records.\n` +
        `- Split the question into its main concepts; join the synonyms of one concept with OR inside parentheses, ` +
        `and the concepts with AND. Use NOT only if it is clearly safe.\n` +
        `- You may use the field tags [tiab] (title/abstract), [mh] (MeSH heading, exploded), [mh:noexp] and [majr]; ` +
        `only real MeSH headings, spelled exactly. Truncate word stems with * (at least 4 letters before it). ` +
        `Proximity: a quoted phrase with [tiab:~N].\n` +
        `- No date limits, language limits or filters.\n` +
        `- ${emphasis}\n` +
        `First reason step by step inside <think> </think>, then give the query once as JSON inside answer tags, ` +
        `escaping double quotes inside it as \\": <answer>{"query": "…"}</answer>\n\n${asked}`,
    },
  ];
}
