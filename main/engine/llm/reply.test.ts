import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonObjects, lastJson, parseRewrite, splitThinking } from './reply.js';

test('reasoning is kept apart from the answer: <think> blocks, an unopened </think>, an unclosed <think>, the thinking field', () => {
  assert.deepEqual(splitThinking('<think>why</think>\nthe answer'), { answer: 'the answer', thinking: 'why' });
  assert.deepEqual(splitThinking('started mid-thought</think> answer'), { answer: 'answer', thinking: 'started mid-thought' });
  assert.deepEqual(splitThinking('answer <think>cut off'), { answer: 'answer', thinking: 'cut off' });
  assert.deepEqual(splitThinking('plain', 'from the field'), { answer: 'plain', thinking: 'from the field' });
  assert.deepEqual(splitThinking('plain'), { answer: 'plain', thinking: null });
});

test('JSON is found in code fences and among text; braces inside strings do not confuse it; the last wins', () => {
  const text = 'Sure! ```json\n{"score": 3, "reason": "a {brace} inside"}\n``` and then {"score": 8, "reason": "final"} done';
  assert.equal(jsonObjects(text).length, 2);
  assert.deepEqual(lastJson(text, 'score'), { score: 8, reason: 'final' });
  assert.equal(lastJson('no json {here'), null);
});

test('DeepRetrieval answers: the last <answer> with a query wins; missing or repeated tags are tolerated', () => {
  assert.equal(parseRewrite('<think>t</think><answer>{"query": "a AND b"}</answer>'), 'a AND b');
  assert.equal(parseRewrite('<answer>{"query": "first"}</answer> more <answer>{"query": "second"}</answer>'), 'second');
  assert.equal(parseRewrite('<think>x</think><answer>{"query": "unclosed"}'), 'unclosed');
  assert.equal(parseRewrite('<think>x</think>```json\n{"query": "no tags"}\n```'), 'no tags');
  assert.equal(parseRewrite('<answer>{"query": "good"}</answer><answer>not json</answer>'), 'good');
  assert.equal(parseRewrite('<think>{"query": "only in thinking"}</think>nothing'), null);
  assert.equal(parseRewrite('garbage'), null);
});
