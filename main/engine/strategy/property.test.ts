/**
 * Property tests (fast-check): random edits of real strategies never throw and always give either a
 * translation or located errors; printing is idempotent in both syntaxes (a printed strategy read
 * back and printed again is the same text, line for line).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkQuery } from '../pubmed/query/index.js';
import { clefQueries } from '../../../test/helpers/shared-queries.js';
import { asText, realStrategies } from '../../../test/helpers/real-strategies.js';
import { translateStrategy, type Translation } from './translate.js';

const corpus = [...realStrategies().map((s) => s.text), ...clefQueries().map((q) => q.text)];

const PIECES = ['(', ')', '"', '$', '*', '#', '?', '/', '.', ',', ' or ', ' and ', ' not ', ' adj3 ', '.ti,ab.', 'exp ', '\n', '[', ']', '12', '(1234)', '\t', '\u201C', 'limit 3 to ', 'or/1-', ':', '~'];

const edit = fc.record({
  doc: fc.nat({ max: corpus.length - 1 }),
  at: fc.nat(),
  cut: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })),
});

function check(r: Translation, text: string): void {
  const errors = [...r.diagnostics, ...r.lines.flatMap((l) => l.errors)].filter((d) => d.severity === 'error');
  if (r.ok) {
    assert.equal(errors.length, 0);
    assert.equal(typeof r.query, 'string');
  } else {
    assert.ok(errors.length > 0 || r.lines.length === 0, 'a refused strategy has located errors');
    for (const e of errors) {
      assert.ok(e.line >= 1 && e.offset >= 0 && e.offset <= text.length, JSON.stringify(e));
      assert.ok(e.message && e.fix);
    }
  }
}

test('random edits of real strategies never throw: a translation or located errors, both directions', () => {
  fc.assert(fc.property(edit, ({ doc, at, cut, insert }) => {
    const base = corpus[doc] as string;
    const i = at % (base.length + 1);
    const text = base.slice(0, i) + insert + base.slice(i + cut);
    check(translateStrategy(text, 'pubmed'), text);
    check(translateStrategy(text, 'ovid'), text);
  }), { numRuns: 400, seed: 17 });
});

test('a PubMed translation that is accepted is valid for the PubMed checker', () => {
  fc.assert(fc.property(edit, ({ doc, at, cut, insert }) => {
    const base = corpus[doc] as string;
    const i = at % (base.length + 1);
    const text = base.slice(0, i) + insert + base.slice(i + cut);
    const r = translateStrategy(text, 'pubmed');
    if (r.ok && r.database !== 'pubmed') assert.ok(checkQuery(r.query as string).ok, `${text}\n→ ${r.query}`);
  }), { numRuns: 300, seed: 7 });
});

test('printing is idempotent: PubMed and Ovid prints read back to the same prints', () => {
  for (const text of corpus) {
    for (const to of ['pubmed', 'ovid'] as const) {
      const once = translateStrategy(text, to);
      if (!once.ok) continue;
      const twice = translateStrategy(asText(once), to, to);
      assert.ok(twice.ok, `${to}: ${asText(once)}\n${JSON.stringify(twice.lines.flatMap((l) => l.errors))}`);
      assert.deepEqual(twice.lines.map((l) => l.translated), once.lines.map((l) => l.translated), `${to} print is a fixed point`);
    }
  }
});
