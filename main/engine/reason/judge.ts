/**
 * DIVER's helpfulness judge: one call per passage, against the original query, answering
 * `{"score": 0-10, "reason": "…"}` (a JSON schema Ollama enforces). Where the reply carries token
 * log-probabilities, the score is the expected value over the score token's alternatives that are
 * numbers 0–10 (renormalised), not the sampled one. A reply that cannot be read gets the neutral
 * score 5 and is counted as unparsed; it never fails the query.
 */
import { JUDGE_SCHEMA, judge as judgePrompt } from '../llm/prompts.js';
import { lastJson } from '../llm/reply.js';
import type { Llm } from '../llm/client.js';

export interface Judgement {
  /** The score used (expected where log-probabilities exist, else sampled; 5 when unparsed). */
  score: number;
  sampled: number | null;
  expected: number | null;
  reason: string;
  parsed: boolean;
}

export const NEUTRAL = 5;

interface TokenLp { token: string; logprob: number; top_logprobs?: { token: string; logprob: number }[] }

const asScore = (t: string): number | null => {
  const s = t.trim();
  if (!/^\d{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n <= 10 ? n : null;
};

/** The expected score at the first number token after "score" in the reply's tokens, or null. */
export function expectedScore(logprobs: unknown[] | null): number | null {
  if (!logprobs || logprobs.length === 0) return null;
  const toks = logprobs as TokenLp[];
  let seenKey = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!seenKey) {
      if (/score/i.test(t.token)) seenKey = true;
      continue;
    }
    const value = asScore(t.token);
    if (value === null) continue;
    // "10" split as "1" + "0": the alternatives of "1" do not describe the score; use the sampled one.
    if (t.token.trim() === '1' && toks[i + 1]?.token.trim() === '0') return null;
    let mass = 0;
    let sum = 0;
    const seen = new Set<number>();
    for (const alt of t.top_logprobs?.length ? t.top_logprobs : [t]) {
      const v = asScore(alt.token);
      if (v === null || seen.has(v)) continue;
      seen.add(v);
      const p = Math.exp(alt.logprob);
      mass += p;
      sum += p * v;
    }
    return mass > 0 ? sum / mass : null;
  }
  return null;
}

export function readJudgement(content: string, logprobs: unknown[] | null): Judgement {
  const obj = lastJson(content, 'score');
  const raw = obj ? Number(obj.score) : NaN;
  if (!Number.isFinite(raw) || raw < 0 || raw > 10) {
    return { score: NEUTRAL, sampled: null, expected: null, reason: '(the judge\'s reply could not be read)', parsed: false };
  }
  const expected = expectedScore(logprobs);
  const reason = typeof obj!.reason === 'string' ? obj!.reason.trim() : '';
  return { score: expected ?? raw, sampled: raw, expected, reason, parsed: true };
}

export async function judgePassage(llm: Llm, query: string, passage: string, signal?: AbortSignal): Promise<Judgement> {
  const reply = await llm.chat({ role: 'judge', messages: judgePrompt(query, passage), format: JUDGE_SCHEMA, temperature: 0, topLogprobs: 11, numPredict: 160, signal });
  return readJudgement(reply.content, reply.logprobs);
}
