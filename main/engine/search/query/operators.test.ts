import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery } from './operators.js';
import { describeQuery, matchExpression } from './operators-apply.js';

test('plain text is words only: no operators, searched as before', () => {
  const p = parseQuery('patient experiences of heart failure');
  assert.equal(p.operators, false);
  assert.deepEqual(p.words, ['patient', 'experiences', 'of', 'heart', 'failure']);
  assert.deepEqual([p.required, p.excluded, p.filters, p.notes], [[], [], [], []]);
  assert.equal(matchExpression(p), '"patient" OR "experiences" OR "heart" OR "failure"');
});

test('phrases are required, -word and NOT exclude, OR joins phrases into one requirement', () => {
  const p = parseQuery('"heart failure" education -rehab NOT "exercise training"');
  assert.deepEqual(p.required, [['heart failure']]);
  assert.deepEqual(p.excluded, ['rehab', 'exercise training']);
  assert.deepEqual(p.words, ['education']);
  assert.equal(matchExpression(p), '(("heart failure") AND ("heart failure" OR "education")) NOT ("rehab" OR "exercise training")');
  assert.equal(p.text, 'education heart failure');
  const or = parseQuery('"heart failure" OR "cardiac failure" outcomes');
  assert.deepEqual(or.required, [['heart failure', 'cardiac failure']]);
  assert.deepEqual(or.words, ['outcomes']);
  assert.deepEqual(describeQuery(or), ['must contain one of “heart failure”, “cardiac failure”']);
  assert.deepEqual(parseQuery('aspirin OR clopidogrel').words, ['aspirin', 'clopidogrel'], 'words are alternatives already');
});

test('filters: author, year ranges, type/kind, folder, tag, collection, negated, quoted values', () => {
  const p = parseQuery('author:"van Gogh" year:2010-2014 kind:PDF folder:trials tag:#rct collection:Review -year:>2020 stroke');
  assert.deepEqual(p.filters.map((f) => [f.field, f.value, f.negated, f.years ?? null]), [
    ['author', 'van Gogh', false, null], ['year', '2010-2014', false, [2010, 2014]], ['type', 'pdf', false, null],
    ['folder', 'trials', false, null], ['tag', '#rct', false, null], ['collection', 'Review', false, null], ['year', '>2020', true, [2021, 9999]],
  ]);
  assert.deepEqual(p.words, ['stroke']);
  assert.deepEqual(p.notes, []);
});

test('what cannot be honoured is said, never dropped silently', () => {
  const p = parseQuery('foo:bar year:soon type:slides NOT OR "open ended');
  assert.deepEqual(p.words, ['foo', 'bar']);
  assert.equal(p.notes.length, 6, p.notes.join('\n'));
  assert.match(p.notes.join('\n'), /“OR” joins two words/);
  assert.match(p.notes.join('\n'), /“foo:” is not a filter/);
  assert.match(p.notes.join('\n'), /not a year/);
  assert.match(p.notes.join('\n'), /the types are pdf, note, pubmed, docx, html, epub, reference, trial/);
  assert.match(p.notes.join('\n'), /“NOT” needs a word/);
  assert.match(p.notes.join('\n'), /quote before “open ended” is not closed/);
  assert.deepEqual(p.required, [['open ended']], 'an unclosed quote is a phrase to the end');
  assert.match(parseQuery('-heart').notes.join(), /only exclusions/);
  assert.equal(matchExpression(parseQuery('-heart')), null);
});

test('a pasted passage is plain text: numbers with a minus, colons and "OR" are its own words', () => {
  const abstract = 'Background: the odds ratio (OR 1.4) fell by -0.39 in the NOT treated arm; Methods: ' +
    'we compared patients across the three sites during follow-up and measured the change in mean blood pressure at twelve months.';
  const p = parseQuery(abstract);
  assert.equal(p.operators, false);
  assert.equal(p.text, abstract);
  assert.deepEqual(p.notes, []);
  assert.equal(parseQuery('heart failure -0.39').operators, false, 'a dash before a digit is a number, not an exclusion');
  assert.deepEqual(parseQuery('heart -failure').excluded, ['failure']);
  assert.deepEqual(parseQuery('kind:epub chapter').filters.map((f) => f.value), ['epub']);
  assert.equal(parseQuery('LOW OR VERY LOW FREQUENCY RADIO WAVES').operators, false, 'in capitals, OR is a word');
  assert.equal(parseQuery('low OR very low frequency').operators, true);
});
