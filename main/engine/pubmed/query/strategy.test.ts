/**
 * Multi-line strategies in PubMed syntax: numbered lines in their usual forms, combination lines,
 * references resolved into one tree, references to missing or later lines reported at the
 * reference, and line breaks inside a single query.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripOffsets } from './ast.js';
import { checkQuery } from './index.js';

function same(strategy: string, single: string): void {
  const a = checkQuery(strategy);
  const b = checkQuery(single);
  assert.ok(a.ok, JSON.stringify(!a.ok && a.errors));
  assert.ok(b.ok, JSON.stringify(!b.ok && b.errors));
  assert.equal(a.kind, 'strategy');
  assert.deepEqual(stripOffsets(a.tree), stripOffsets(b.tree));
}

test('numbered lines: "#1 …", "1. …", "1) …" and plain lines in order', () => {
  const want = '("heart failure"[mh] OR cardiac failure[tiab]) AND exercis*[tiab]';
  same('#1 "heart failure"[mh]\n#2 cardiac failure[tiab]\n#3 #1 OR #2\n#4 exercis*[tiab]\n#5 #3 AND #4', want);
  same('1. "heart failure"[mh]\n2. cardiac failure[tiab]\n3. #1 OR #2\n4. exercis*[tiab]\n5. #3 AND #4', want);
  same('1) "heart failure"[mh]\n2) cardiac failure[tiab]\n3) 1 OR 2\n4) exercis*[tiab]\n5) 3 AND 4', want);
  same('"heart failure"[mh]\ncardiac failure[tiab]\n#1 OR #2\nexercis*[tiab]\n#3 AND #4', want);
});

test('combination lines may use lowercase operators and bare labels: 1 or 2, 1a and (2a or 3) not 5', () => {
  same('1 a[tiab]\n2 b[tiab]\n3 1 or 2\n4 c[tiab]\n5 3 and 4 not 1', '(a[tiab] OR b[tiab]) AND c[tiab] NOT a[tiab]');
  same('1a\nx[tiab]\n2a\ny[tiab]\nA. 1a and 2a\nFinal search: A or 1a', 'x[tiab] AND y[tiab] OR x[tiab]');
});

test('a numbered heading passes its label to the query under it; unnumbered headings are skipped', () => {
  const r = checkQuery('1 Population: adults with asthma\nasthma[mh]\n2 Intervention\nSearches\n2a\nsteroid*[tiab]\n1 and 2a');
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  assert.equal(r.normalized, 'asthma[mh] AND steroid*[tiab]');
  assert.deepEqual((r.lines ?? []).map((l) => `${l.kind}:${l.label ?? '-'}`),
    ['heading:1', 'query:1', 'heading:2', 'heading:-', 'label:2a', 'query:2a', 'combination:-']);
});

test('a reference to a later line, or to no line, is an error at the reference', () => {
  const s = '#1 a[tiab]\n#2 #3 AND b[tiab]\n#3 c[tiab]\n#4 #2 OR #9';
  const r = checkQuery(s);
  assert.ok(!r.ok);
  assert.deepEqual(r.errors, [
    { message: 'refers to line 3, which comes later', offset: s.indexOf('#3 AND') },
    { message: 'refers to 9, but no line of the strategy is 9', offset: s.indexOf('#9') },
  ]);
  const self = '1. a\n2. #2 OR a';
  const r2 = checkQuery(self);
  assert.deepEqual(!r2.ok && r2.errors, [{ message: 'line 2 refers to itself', offset: self.indexOf('#2') }]);
});

test('lines of a strategy report their own errors at offsets in the whole text', () => {
  const s = '#1 a[tiab]\n#2 b[badtag]\n#3 #1 OR #2';
  const r = checkQuery(s);
  assert.ok(!r.ok);
  assert.deepEqual(r.errors, [{ message: 'unknown field tag [badtag]', offset: s.indexOf('[badtag]') }]);
  const broken = '#1 a[tiab]\n#2 (b[tiab] OR c\n#3 d[tiab]\n#4 #1 OR #2 OR #3';
  const b = checkQuery(broken);
  assert.ok(!b.ok && b.kind === 'strategy');
  assert.deepEqual(b.errors, [{ message: 'unbalanced parenthesis: this ( is never closed', offset: broken.indexOf('(b') }]);
});

test('unused lines are warned about; the result is the last line', () => {
  const r = checkQuery('#1 a[tiab]\n#2 b[tiab]\n#3 #1 AND c[tiab]');
  assert.ok(r.ok);
  assert.equal(r.normalized, 'a[tiab] AND c[tiab]');
  assert.deepEqual(r.warnings.map((w) => w.message), ['line 2 is not used by the final search (the last line)']);
});

test('a single query broken over lines is one query, not a strategy', () => {
  const r = checkQuery('("a"[tiab] OR\n  "b"[tiab])\nAND c[tiab]');
  assert.ok(r.ok);
  assert.equal(r.kind, 'query');
  assert.equal(r.normalized, '"a"[tiab] OR "b"[tiab] AND c[tiab]');
});
