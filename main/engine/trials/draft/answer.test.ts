/** Reading trial searches out of replies, and the prompt's shape. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitThinking } from '../../llm/reply.js';
import { readTrialsAnswer } from './answer.js';
import { trialsDraft } from './prompt.js';

const read = (raw: string) => { const { answer, thinking } = splitThinking(raw); return readTrialsAnswer(answer, thinking); };

test('one query is searched as query.term; per-area JSON (also query.* keys) as those areas; nothing is null', () => {
  assert.deepEqual(read('<think>x</think><answer>{"query": "\\"back pain\\" OR sciatica"}</answer>'), { areas: { term: '"back pain" OR sciatica' }, loose: false, formatOk: true });
  assert.deepEqual(read('<think>x</think><answer>{"cond": "melanoma", "query.intr": "pembrolizumab", "phase": "3"}</answer>').areas, { cond: 'melanoma', intr: 'pembrolizumab' });
  assert.deepEqual(read('<think>x</think><answer>{"query": "AREA[Condition]"back pain""}</answer>'), { areas: { term: 'AREA[Condition]"back pain"' }, loose: true, formatOk: true }, 'unescaped quotes');
  assert.deepEqual(read('no idea'), { areas: null, loose: false, formatOk: false });
});

test('the prompt: Essie syntax, the answer format of each form, a patient or a question, variants that differ', () => {
  const m = trialsDraft({ patient: 'A 58-year-old woman with chest pain' }, 0);
  assert.match(m[0]!.content, /ClinicalTrials\.gov/);
  assert.ok(m[1]!.content.endsWith('Patient description: A 58-year-old woman with chest pain'));
  for (const s of ['AREA[Field]', 'SEARCH[Location]', '<think>', '<answer>{"query": "…"}</answer>']) assert.ok(m[1]!.content.includes(s), s);
  assert.ok(trialsDraft({ question: 'q' }, 0, 'areas')[1]!.content.includes('{"cond": "conditions", "intr": "interventions", "term": "other terms"}'));
  assert.equal(new Set([0, 1, 2, 3].map((v) => trialsDraft({ question: 'q' }, v)[1]!.content)).size, 4);
  assert.ok(trialsDraft({ pico: { P: 'adults', I: 'statins' } }, 0)[1]!.content.endsWith('P: adults\nI: statins'));
});
