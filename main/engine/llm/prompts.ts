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
