/**
 * Random edits of the real queries (a fixed seed, so every run is the same): checking never throws,
 * every error offset lies in the input, and whatever is accepted round-trips through the printer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripOffsets } from './ast.js';
import { checkQuery } from './index.js';
import { clefQueries, sysrevQueries } from '../../../../test/helpers/shared-queries.js';

const PIECES = ['(', ')', '"', '[', ']', ' AND ', ' OR ', ' NOT ', ' and ', '*', '[tiab]', '[badtag]', ':', '#1', '\n', ' ', 'x',
  '/', '$', '.tw.', ' adj3 ', '~', '[tiab:~2]', '\u201C', '\u201D', '2000:2010[dp]', 'exp ', '/di'];

test('1500 random edits of real queries: no throw, offsets inside the text, accepted ones round-trip', () => {
  const base = [...sysrevQueries(), ...clefQueries()].map((q) => q.text);
  let seed = 20240611;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let accepted = 0;
  for (let i = 0; i < 1500; i++) {
    let q = base[Math.floor(rnd() * base.length)] as string;
    for (let e = 1 + Math.floor(rnd() * 3); e > 0; e--) {
      const p = Math.floor(rnd() * q.length);
      q = rnd() < 0.5 ? q.slice(0, p) + q.slice(p + 1 + Math.floor(rnd() * 3)) : q.slice(0, p) + (PIECES[Math.floor(rnd() * PIECES.length)] as string) + q.slice(p);
    }
    const r = checkQuery(q);
    if (!r.ok) {
      assert.ok(r.errors.length > 0);
      for (const err of r.errors) assert.ok(err.offset >= 0 && err.offset <= q.length, `${err.message} @${err.offset}`);
      continue;
    }
    accepted++;
    const again = checkQuery(r.normalized);
    assert.ok(again.ok, `${JSON.stringify(q.slice(0, 120))}: ${JSON.stringify(!again.ok && again.errors)}`);
    assert.deepEqual(stripOffsets(again.tree), stripOffsets(r.tree));
    assert.equal(again.normalized, r.normalized);
  }
  assert.ok(accepted > 300, `${accepted} accepted`);
});
