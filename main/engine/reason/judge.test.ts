import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedScore, NEUTRAL, readJudgement } from './judge.js';

const lp = (token: string, alts: [string, number][] = []) => ({ token, logprob: 0, top_logprobs: alts.map(([t, p]) => ({ token: t, logprob: Math.log(p) })) });

test('the expected score over the score token\'s numeric alternatives, renormalised', () => {
  const toks = [lp('{"'), lp('score'), lp('":'), lp(' 7', [[' 7', 0.5], ['8', 0.3], ['x', 0.1], ['3', 0.1]]), lp(','), lp('"reason')];
  // (0.5·7 + 0.3·8 + 0.1·3) / 0.9
  assert.ok(Math.abs(expectedScore(toks)! - (0.5 * 7 + 0.3 * 8 + 0.1 * 3) / 0.9) < 1e-12);
  assert.equal(expectedScore(null), null);
  assert.equal(expectedScore([lp('{"'), lp('score'), lp('":'), lp('1', [['1', 0.9]]), lp('0')]), null, '"10" split in two: use the sampled score');
});

test('a judgement uses the expected score when log-probabilities exist, the sampled one otherwise', () => {
  const toks = [lp('score'), lp('6', [['6', 0.5], ['4', 0.5]])];
  assert.deepEqual(readJudgement('{"score": 6, "reason": "r"}', toks), { score: 5, sampled: 6, expected: 5, reason: 'r', parsed: true });
  assert.deepEqual(readJudgement('{"score": 9, "reason": " because "}', null), { score: 9, sampled: 9, expected: null, reason: 'because', parsed: true });
});

test('an unreadable or out-of-range reply gets the neutral score and is marked unparsed', () => {
  for (const bad of ['Relevance: high', '{"score": "eleven"}', '{"score": 42, "reason": "x"}', '']) {
    const j = readJudgement(bad, null);
    assert.equal(j.score, NEUTRAL);
    assert.equal(j.parsed, false);
  }
});
