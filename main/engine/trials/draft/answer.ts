/**
 * A drafted ClinicalTrials.gov search out of a model's reply: DeepRetrieval's `{"query": …}` (read
 * as the PubMed drafter reads it, tolerant of repeated tags, code fences and unescaped quotes), or
 * one expression per search area (`{"cond": …, "intr": …, "term": …}`; `query.cond` spellings too).
 * A single `query` is searched as query.term (the BasicSearch area).
 */
import { lastAnswerBlock, lastJson } from '../../llm/reply.js';
import { readAnswer } from '../../pubmed/draft/answer.js';
import { QUERY_AREAS, type QueryArea } from '../api/types.js';

export type AreaQueries = Partial<Record<QueryArea, string>>;

export interface TrialsAnswer {
  /** The query per search area; null when the reply held none. */
  areas: AreaQueries | null;
  loose: boolean;
  formatOk: boolean;
}

function areasOf(o: Record<string, unknown>): AreaQueries | null {
  const out: AreaQueries = {};
  for (const [k, v] of Object.entries(o)) {
    const area = k.replace(/^query\./, '') as QueryArea;
    if ((QUERY_AREAS as readonly string[]).includes(area) && typeof v === 'string' && v.trim()) out[area] = v.trim();
  }
  return Object.keys(out).length ? out : null;
}

export function readTrialsAnswer(content: string, thinking: string | null): TrialsAnswer {
  const r = readAnswer(content, thinking);
  const scope = lastAnswerBlock(content) ?? content;
  const obj = lastJson(scope) ?? null;
  const areas = obj && !('query' in obj) ? areasOf(obj) : null;
  if (areas) return { areas, loose: false, formatOk: r.formatOk };
  if (r.query !== null) return { areas: { term: r.query }, loose: r.loose, formatOk: r.formatOk };
  return { areas: null, loose: false, formatOk: r.formatOk };
}
