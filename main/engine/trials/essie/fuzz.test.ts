/**
 * Property tests (fast-check, fixed seeds): random edits of valid expressions never throw; a
 * rejected expression has errors whose offsets lie inside the text; an accepted one prints to a
 * form that parses to the same tree and prints the same again (idempotent).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkEssie, stripEssieOffsets } from './index.js';

const BASE = [
  'heart attack AND SEARCH[Location](AREA[LocationCity]Portland AND AREA[LocationState]Maine)',
  '(acetaminophen OR aspirin) AND NOT (heart failure OR heart attack)',
  'AREA[ResultsFirstPostDate]RANGE[01/01/2015, MAX] OR AREA[LocationGeoPoint]DISTANCE[39.0019296, -77.1044561, 25mi]',
  'EXPANSION[Concept]NOT (exhaustion OR "sleep deprivation") AND TILT[StudyFirstPostDate]"heart attack"',
  'COVERAGE[FullMatch]pain OR AREA[ResultsFirstPostDate]MISSING OR ALL OR \\MISSING',
];
const PIECES = ['(', ')', '"', '[', ']', ' AND ', ' OR ', ' NOT ', ' and ', '\\', 'AREA[', 'AREA[Condition]', 'RANGE[1, 2]', 'RANGE[', ',',
  'MISSING', 'ALL', 'SEARCH[Location](', 'EXPANSION[Lossy]', 'COVERAGE[EndsWith]', 'DISTANCE[1,2,3km]', ' ', 'x', '\u201C', '\u201D', 'TILT[x]'];

const edit = fc.tuple(fc.nat(), fc.boolean(), fc.nat({ max: 3 }), fc.constantFrom(...PIECES));

test('random edits: never throw; located errors or a tree; printing is idempotent', () => {
  fc.assert(fc.property(fc.constantFrom(...BASE), fc.array(edit, { minLength: 1, maxLength: 4 }), (base, edits) => {
    let q = base;
    for (const [at, del, len, piece] of edits) {
      const p = at % (q.length + 1);
      q = del ? q.slice(0, p) + q.slice(p + 1 + len) : q.slice(0, p) + piece + q.slice(p);
    }
    const r = checkEssie(q);
    if (!r.ok) {
      assert.ok(r.errors.length > 0);
      for (const e of r.errors) assert.ok(e.offset >= 0 && e.offset <= q.length, `${e.message} @${e.offset} in ${JSON.stringify(q)}`);
      return;
    }
    const again = checkEssie(r.normalized);
    assert.ok(again.ok, `${JSON.stringify(q)} → ${JSON.stringify(r.normalized)}: ${JSON.stringify(!again.ok && again.errors)}`);
    assert.deepEqual(stripEssieOffsets(again.tree), stripEssieOffsets(r.tree));
    assert.equal(again.normalized, r.normalized);
  }), { seed: 20261207, numRuns: 3000 });
});

test('arbitrary strings: never throw, offsets inside', () => {
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '(', ')', '"', '[', ']', '\\', 'A', 'N', 'D', 'O', 'R', ',', 'AREA', 'NOT') , maxLength: 40 }), (q) => {
    const r = checkEssie(q);
    if (!r.ok) for (const e of r.errors) assert.ok(e.offset >= 0 && e.offset <= q.length);
    else assert.equal(checkEssie(r.normalized).ok, true, JSON.stringify(q));
  }), { seed: 7, numRuns: 3000 });
});
