/** Reading replies (answer.ts), PICO lines (pico.ts), the prompt's shape and DeepRetrieval's reward table. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pubmedDraft } from '../../llm/prompts.js';
import { splitThinking } from '../../llm/reply.js';
import { readAnswer } from './answer.js';
import { parsePico } from './pico.js';
import { deepRetrievalReward, recallReward } from './rank.js';
import { REPLIES } from '../../../../test/helpers/pubmed-draft-fixtures.js';

const read = (raw: string) => {
  const { answer, thinking } = splitThinking(raw);
  return readAnswer(answer, thinking);
};

test('readAnswer: DeepRetrieval format, repeated tags, code fences, unescaped quotes, nothing', () => {
  assert.deepEqual(read(REPLIES[0]!), { query: '"thyroid cancer"[tiab] AND autopsy[tiab] AND "Occult Thyroid Cancer"[mh]', loose: false, formatOk: true });
  assert.equal(read(REPLIES[1]!).formatOk, false, 'two <answer> blocks fail the format check');
  assert.match(read(REPLIES[1]!).query!, /^\("Thyroid Neoplasms"\[mh\] OR/);
  assert.equal(read(REPLIES[2]!).query, '("Thyroid Neoplasms"[Mesh] OR "thyroid carcinoma"[Title/Abstract]) AND (Autopsy[MeSH Terms] OR autops*[tiab])');
  assert.deepEqual(read(REPLIES[6]!), { query: '("thyroid cancer"[Title/Abstract] AND autopsy[tiab]) AND ("Occult Thyroid Cancer"[MeSH])', loose: true, formatOk: true });
  assert.deepEqual(read(REPLIES[5]!), { query: null, loose: false, formatOk: false });
  assert.deepEqual(read('<answer>{"query": ""}</answer>'), { query: null, loose: false, formatOk: false }, 'an empty query is none; no reasoning fails the format');
  assert.equal(read('reasoning…</think>{"query": "a AND b"}').query, 'a AND b', 'no answer tags: the last JSON outside the reasoning');
});

test('parsePico: PICO lines become parts; anything else is a plain question', () => {
  assert.deepEqual(parsePico('P: adults with asthma\nI: inhaled steroids\nC: placebo\nOutcome: exacerbations'), { P: 'adults with asthma', I: 'inhaled steroids', C: 'placebo', O: 'exacerbations' });
  assert.equal(parsePico('Prevalence of thyroid cancer in autopsy studies'), null);
  assert.equal(parsePico('P: adults\nand some other line'), null);
  assert.equal(parsePico('O: mortality'), null, 'needs P or I');
});

test('the prompt: a librarian persona, the allowed syntax, the answer format, variants that differ', () => {
  const m = pubmedDraft('Prevalence of thyroid cancer at autopsy', 0);
  assert.equal(m[0]!.role, 'system');
  assert.match(m[0]!.content, /clinical librarian/);
  const user = m[1]!.content;
  for (const s of ['[tiab]', '[mh]', 'Truncate', '[tiab:~N]', '<think>', '<answer>{"query": "…"}</answer>']) assert.ok(user.includes(s), s);
  assert.ok(user.endsWith('Review question: Prevalence of thyroid cancer at autopsy'));
  const variants = new Set([0, 1, 2, 3].map((v) => pubmedDraft('q', v)[1]!.content));
  assert.equal(variants.size, 4);
  assert.equal(pubmedDraft('q', 4)[1]!.content, pubmedDraft('q', 0)[1]!.content, 'variants cycle');
  assert.ok(pubmedDraft({ P: 'adults', O: 'death' }, 1)[1]!.content.endsWith('P: adults\nO: death'));
});

test("DeepRetrieval's reward table", () => {
  assert.deepEqual([0.7, 0.5, 0.4, 0.3, 0.1, 0.05, 0.049].map(recallReward), [5, 4, 3, 1, 0.5, 0.1, -3.5]);
  assert.deepEqual([deepRetrievalReward(true, 1), deepRetrievalReward(true, null), deepRetrievalReward(false, 1)], [6, -3, -4]);
});
