/**
 * The canonical printer: uppercase operators, canonical tags, straight quotes, parentheses only
 * where left-to-right reading needs them; parse(print(t)) = t and print is a fixed point.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripOffsets } from './ast.js';
import { parseQuery } from './parser.js';
import { printQuery } from './printer.js';

function norm(q: string, parens: 'minimal' | 'all' = 'minimal'): string {
  const r = parseQuery(q);
  assert.ok(r.tree, `${q}: ${JSON.stringify(r.errors)}`);
  return printQuery(r.tree, { parens });
}

test('canonical tags, straight quotes, single spaces, * and proximity kept', () => {
  assert.equal(norm('\u201CHeart Failure\u201D[MeSH Terms]  OR  cardiac   failure [Title/Abstract]'), '"Heart Failure"[mh] OR cardiac failure[tiab]');
  assert.equal(norm('"hip pain"[Title/Abstract:~2] OR bacter* OR "breast feed"*[tiab]'), '"hip pain"[tiab:~2] OR bacter* OR "breast feed*"[tiab]');
  assert.equal(norm('x[MeSH Terms:noexp] OR "2000"[dp]:"2010"[dp] OR #3'), 'x[mh:noexp] OR 2000:2010[dp] OR #3');
});

test('parentheses only where the left-to-right reading needs them', () => {
  assert.equal(norm('(a OR b) AND c'), 'a OR b AND c');
  assert.equal(norm('a AND (b OR c)'), 'a AND (b OR c)');
  assert.equal(norm('((a NOT b) NOT c)'), 'a NOT b NOT c');
  assert.equal(norm('a NOT (b NOT c)'), 'a NOT (b NOT c)');
  assert.equal(norm('(((a)))'), 'a');
  assert.equal(norm('(a AND b) AND (c AND d)'), 'a AND b AND c AND d');
  assert.equal(norm('a OR b c'), 'a OR b c', 'bare words stay one term');
  assert.equal(norm('a[tiab] b[tiab]'), 'a[tiab] AND b[tiab]', 'an implicit AND is printed');
});

test("parens: 'all' brackets every operand that is an operator", () => {
  assert.equal(norm('(a OR b) AND c NOT d', 'all'), '((a OR b) AND c) NOT d');
  assert.equal(norm('a AND b AND c', 'all'), 'a AND b AND c');
});

test('round trip and fixed point on tricky shapes', () => {
  for (const q of [
    'a OR b AND c NOT d OR e',
    '(a OR (b AND (c NOT (d OR e))))',
    '((a AND b) OR (c AND d)) NOT ((e OR f) AND g)',
    '"a b"[tiab:~0] OR "x y z"[ti:~10] AND q*[tw]',
    '2019/01:2020/06/30[crdt] OR (#1 NOT #2)',
    'and AND or[tiab] OR not',
    "Crohn's[tiab] OR \u2018quoted\u2019 OR post-mortem[tiab] OR H1N1/2009[tiab]",
  ]) {
    const a = parseQuery(q).tree;
    assert.ok(a, q);
    for (const parens of ['minimal', 'all'] as const) {
      const printed = printQuery(a, { parens });
      const b = parseQuery(printed).tree;
      assert.ok(b, printed);
      assert.deepEqual(stripOffsets(b), stripOffsets(a), `${q} → ${printed}`);
      assert.equal(printQuery(b, { parens }), printed);
    }
  }
});
