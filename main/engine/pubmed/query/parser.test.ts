/**
 * PubMed query semantics, one rule at a time: left-to-right operators, NOT chains, proximity,
 * truncation, curly quotes, field tags in their long/short/odd spellings, date ranges, uppercase-only
 * operators, implicit AND, references, and errors at exact offsets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripOffsets, type Node } from './ast.js';
import { parseQuery } from './parser.js';

function tree(q: string): unknown {
  const r = parseQuery(q);
  assert.ok(r.tree, `${q}: ${JSON.stringify(r.errors)}`);
  return stripOffsets(r.tree);
}

const t = (text: string, field: string | null = null, extra: Record<string, unknown> = {}) =>
  ({ type: 'term', text, quoted: false, truncated: false, field, ...extra });
const q = (text: string, field: string | null = null, extra: Record<string, unknown> = {}) => t(text, field, { quoted: true, ...extra });
const and = (...children: unknown[]) => ({ type: 'and', children });
const or = (...children: unknown[]) => ({ type: 'or', children });
const not = (a: unknown, b: unknown) => ({ type: 'not', children: [a, b] });

test('no precedence: AND, OR, NOT are read left to right', () => {
  assert.deepEqual(tree('a OR b AND c'), and(or(t('a'), t('b')), t('c')));
  assert.deepEqual(tree('a AND b OR c'), or(and(t('a'), t('b')), t('c')));
  assert.deepEqual(tree('a OR b NOT c AND d'), and(not(or(t('a'), t('b')), t('c')), t('d')));
  assert.deepEqual(tree('a OR (b AND c)'), or(t('a'), and(t('b'), t('c'))));
});

test('AND and OR are n-ary and flat; redundant parentheses give the same tree', () => {
  assert.deepEqual(tree('a AND b AND c'), and(t('a'), t('b'), t('c')));
  assert.deepEqual(tree('(a AND b) AND c'), tree('a AND (b AND c)'));
  assert.deepEqual(tree('((a OR b)) OR ((c))'), or(t('a'), t('b'), t('c')));
});

test('NOT is binary and left-associative: a NOT b NOT c = (a NOT b) NOT c', () => {
  assert.deepEqual(tree('a NOT b NOT c'), not(not(t('a'), t('b')), t('c')));
  assert.deepEqual(tree('a NOT (b NOT c)'), not(t('a'), not(t('b'), t('c'))));
  assert.notDeepEqual(tree('a NOT b NOT c'), tree('a NOT (b NOT c)'));
});

test('only uppercase operators are operators: lowercase and/or/not are words, with a warning', () => {
  const r = parseQuery('Animals[Mesh] not Humans[Mesh]');
  assert.ok(r.tree);
  assert.deepEqual(stripOffsets(r.tree), and(t('Animals', 'mh'), t('not Humans', 'mh')));
  assert.deepEqual(r.warnings, [
    { message: '"not" is searched as a word: PubMed only reads uppercase AND, OR, NOT as operators', offset: 14 },
    { message: 'no operator before this: PubMed combines adjacent terms with AND', offset: 14 },
  ]);
  assert.deepEqual(stripOffsets(parseQuery('a or b', { lowercaseOperators: true }).tree as Node), or(t('a'), t('b')));
  assert.deepEqual(tree('"wit and humor"[mh] OR Or'), or(q('wit and humor', 'mh'), t('Or')));
});

test('operands with no operator between them are ANDed, with a warning at the second', () => {
  const r = parseQuery('Atonic[tiab] Impaired[tiab]');
  assert.deepEqual(stripOffsets(r.tree as Node), and(t('Atonic', 'tiab'), t('Impaired', 'tiab')));
  assert.deepEqual(r.warnings.map((w) => w.offset), [13]);
  assert.deepEqual(tree('x (y OR z)'), and(t('x'), or(t('y'), t('z'))));
});

test('bare words up to an operator form one term; the tag applies to all of them', () => {
  assert.deepEqual(tree('hurtle   cell[tiab] OR x'), or(t('hurtle cell', 'tiab'), t('x')));
  assert.deepEqual(tree('Brefeldin [tiab]'), t('Brefeldin', 'tiab'));
  assert.deepEqual(tree("st anthony's fire[tiab]"), t("st anthony's fire", 'tiab'));
});

test('truncation: term*, phrase*, "phrase*"; an inner * stays in the text', () => {
  assert.deepEqual(tree('bacter*'), t('bacter', null, { truncated: true }));
  assert.deepEqual(tree('likelihood ratio*[tiab]'), t('likelihood ratio', 'tiab', { truncated: true }));
  assert.deepEqual(tree('"breast feed*"[tiab]'), q('breast feed', 'tiab', { truncated: true }));
  assert.deepEqual(tree('"breast feed"*[tiab]'), tree('"breast feed*"[tiab]'));
  assert.deepEqual(tree('colo*r'), t('colo*r'));
  assert.deepEqual(parseQuery('a OR *').errors, [{ message: 'truncation * has no word before it', offset: 5 }]);
});

test('curly quotes are straight quotes, one character for one', () => {
  const r = parseQuery('\u201Cstep sectioned\u201D[tiab] OR \u201CHoly fire"[tiab] OR alzheimer\u2019s[tiab]');
  assert.deepEqual(stripOffsets(r.tree as Node), or(q('step sectioned', 'tiab'), q('Holy fire', 'tiab'), t("alzheimer's", 'tiab')));
  assert.deepEqual(r.tree && r.tree.type === 'or' && r.tree.children.map((c) => c.offset), [0, 26, 47]);
});

test('field tags: long and short names, any case, spaces, :noexp', () => {
  for (const tag of ['tiab', 'TIAB', 'Title/Abstract', 'title/abstract', 'tiab ', ' Title / Abstract ']) {
    assert.deepEqual(tree(`x[${tag}]`), t('x', 'tiab'), tag);
  }
  for (const tag of ['mh', 'MeSH', 'Mesh', 'MeSH Terms', 'mesh terms']) assert.deepEqual(tree(`x[${tag}]`), t('x', 'mh'), tag);
  for (const tag of ['mh:noexp', 'MeSH Terms:noexp', 'mesh:noexp', 'MESH : NOEXP']) assert.deepEqual(tree(`x[${tag}]`), t('x', 'mh:noexp'), tag);
  assert.deepEqual(tree('x[majr:noexp] OR y[MeSH Major Topic]'), or(t('x', 'majr:noexp'), t('y', 'majr')));
  assert.deepEqual(tree('"Cochrane Database Syst Rev"[jour] OR x[Journal] OR y[ta]'), or(q('Cochrane Database Syst Rev', 'ta'), t('x', 'ta'), t('y', 'ta')));
  assert.deepEqual(tree('x[Supplementary Concept] OR y[Publication Type] OR z[Subheading] OR w[uid]'), or(t('x', 'nm'), t('y', 'pt'), t('z', 'sh'), t('w', 'pmid')));
  assert.deepEqual(tree('english[lang] OR english[la] OR x[1au] OR y[lastau] OR z[filter] OR w[sb]'),
    or(t('english', 'la'), t('english', 'la'), t('x', '1au'), t('y', 'lastau'), t('z', 'filter'), t('w', 'sb')));
});

test('proximity: "a b"[tiab:~N] on [ti], [tiab], [ad] only, quoted, two or more words', () => {
  assert.deepEqual(tree('"hip pain"[Title/Abstract:~2]'), q('hip pain', 'tiab', { proximity: 2 }));
  assert.deepEqual(tree('"Hopkins Bloomberg Public"[ad:~45]'), q('Hopkins Bloomberg Public', 'ad', { proximity: 45 }));
  assert.deepEqual(parseQuery('"hip pain"[mh:~2]').errors.map((e) => e.offset), [10]);
  assert.deepEqual(parseQuery('hip pain[tiab:~2]').errors.map((e) => e.offset), [8]);
  assert.deepEqual(parseQuery('"hip"[tiab:~2]').errors.map((e) => e.offset), [5]);
});

test('date ranges: a:b[dp] and "a"[dp] : "b"[dp] give the same tree; single dates are terms', () => {
  const range = { type: 'range', from: '2000/01/01', to: '2020/12/31', field: 'dp' };
  assert.deepEqual(tree('2000/01/01:2020/12/31[dp]'), range);
  assert.deepEqual(tree('"2000/01/01"[dp] : "2020/12/31"[dp]'), range);
  assert.deepEqual(tree('"2000/01/01"[Publication Date]:"2020/12/31"[dp]'), range);
  assert.deepEqual(tree('2015:3000[edat] AND x'), and({ type: 'range', from: '2015', to: '3000', field: 'edat' }, t('x')));
  assert.deepEqual(tree('2020[dp]'), t('2020', 'dp'));
  assert.deepEqual(tree('"last 5 years"[dp]'), q('last 5 years', 'dp'));
  assert.deepEqual(parseQuery('"2000"[dp] : "2010"[edat]').errors, [{ message: 'both ends of a date range need the same date field tag', offset: 11 }]);
});

test('#n is a reference to another search', () => {
  assert.deepEqual(tree('#1 AND (#2 OR cancer[tiab])'), and({ type: 'ref', label: '1' }, or({ type: 'ref', label: '2' }, t('cancer', 'tiab'))));
});

test('errors: each at its offset, one error per mistake', () => {
  const errs = (s: string) => parseQuery(s).errors;
  assert.deepEqual(errs(''), [{ message: 'empty query', offset: 0 }]);
  assert.deepEqual(errs('   '), [{ message: 'empty query', offset: 0 }]);
  assert.deepEqual(errs('(a OR b'), [{ message: 'unbalanced parenthesis: this ( is never closed', offset: 0 }]);
  assert.deepEqual(errs('a OR b)'), [{ message: 'unbalanced parenthesis: this ) has no matching (', offset: 6 }]);
  assert.deepEqual(errs('a[badtag]'), [{ message: 'unknown field tag [badtag]', offset: 1 }]);
  assert.deepEqual(errs('a AND'), [{ message: 'AND has no search term after it', offset: 2 }]);
  assert.deepEqual(errs('OR a'), [{ message: 'OR has no search term before it', offset: 0 }]);
  assert.deepEqual(errs('a OR OR b'), [{ message: 'OR has no search term before it', offset: 5 }]);
  assert.deepEqual(errs('(a AND) OR b'), [{ message: 'AND has no search term after it', offset: 3 }]);
  assert.deepEqual(errs('a OR "b c'), [{ message: 'unterminated quote: this " is never closed', offset: 5 }]);
  assert.deepEqual(errs('a[tiab'), [{ message: 'unterminated field tag: this [ is never closed', offset: 1 }]);
  assert.deepEqual(errs('(a OR b)[tiab]'), [{ message: 'a field tag cannot follow a parenthesised group: put the tag after each term inside', offset: 8 }]);
  assert.deepEqual(errs('a[tiab][mh]'), [{ message: 'a search term can have only one field tag', offset: 7 }]);
  assert.deepEqual(errs('a AND [tiab]'), [{ message: 'field tag [tiab] has no search term before it', offset: 6 }]);
  assert.deepEqual(errs('a AND ()'), [{ message: 'empty parentheses', offset: 6 }]);
  assert.deepEqual(errs('(a OR (b) AND c'), [{ message: 'unbalanced parenthesis: this ( is never closed', offset: 0 }]);
  assert.deepEqual(errs('a) OR (b').map((e) => e.offset), [1, 6], 'every problem is reported');
});

test('offsets point into the original text; a slice keeps absolute offsets', () => {
  const r = parseQuery('xx\na[tiab] OR b', { from: 3 });
  assert.ok(r.tree && r.tree.type === 'or');
  assert.deepEqual([r.tree.offset, r.tree.end], [3, 15]);
  assert.deepEqual(r.tree.children.map((c) => [c.offset, c.end]), [[3, 10], [14, 15]]);
  assert.deepEqual(parseQuery('xx\na OR', { from: 3 }).errors, [{ message: 'OR has no search term after it', offset: 5 }]);
});
