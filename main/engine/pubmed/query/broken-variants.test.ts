/**
 * Broken variants of real queries, each made by one edit whose position gives the expected error
 * offset: a deleted closing parenthesis (reported at the top-level `(` it leaves open), a bad tag
 * (at its `[`), a dangling AND (at the AND), OR OR (at the second OR), an unterminated quote (at
 * the quote). Each must give exactly one error, there.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkQuery } from './index.js';
import { clefQueries, sysrevQueries, type RealQuery } from '../../../../test/helpers/shared-queries.js';

interface Variant { name: string; text: string; message: string; offset: number }

const straight = (s: string) => s.replace(/[\u201C\u201D]/g, '"');

/** Offsets outside double quotes. */
function outsideQuotes(s: string): boolean[] {
  const t = straight(s);
  const out: boolean[] = [];
  let inQ = false;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '"') { out.push(false); inQ = !inQ; } else out.push(!inQ);
  }
  return out;
}

/** [open, close] of each parenthesised group at depth 0 (of its line). */
function topGroups(s: string): Array<[number, number]> {
  const free = outsideQuotes(s);
  const groups: Array<[number, number]> = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    if (!free[i]) continue;
    if (s[i] === '(' && depth++ === 0) open = i;
    if (s[i] === ')' && --depth === 0) groups.push([open, i]);
  }
  return groups;
}

function positions(s: string, re: RegExp): number[] {
  const free = outsideQuotes(s);
  return [...s.matchAll(re)].map((m) => m.index).filter((i) => free[i] === true);
}

function pick<T>(xs: readonly T[], k: number): T | undefined {
  return xs.length ? xs[k % xs.length] : undefined;
}

function variants(q: RealQuery, k: number): Variant[] {
  const s = q.text;
  const v: Variant[] = [];
  const add = (kind: string, text: string, message: string, offset: number) => v.push({ name: `${q.name}: ${kind}`, text, message, offset });
  const g = pick(topGroups(s), k);
  if (g) add('deleted )', s.slice(0, g[1]) + s.slice(g[1] + 1), 'unbalanced parenthesis: this ( is never closed', g[0]);
  const tag = pick(positions(s, /\[[^\]]*\]/g), k);
  if (tag !== undefined) add('[badtag] for a tag', s.slice(0, tag) + '[badtag]' + s.slice(s.indexOf(']', tag) + 1), 'unknown field tag [badtag]', tag);
  const bare = pick(positions(s, /[A-Za-z*](?= OR )/g), k);
  if (bare !== undefined) add('[badtag] after an untagged term', s.slice(0, bare + 1) + '[badtag]' + s.slice(bare + 1), 'unknown field tag [badtag]', bare + 1);
  const end = s.trimEnd();
  add('dangling AND', `${end} AND`, 'AND has no search term after it', end.length + 1);
  const or = pick(positions(s, / OR /g), k);
  if (or !== undefined) add('OR OR', s.slice(0, or) + ' OR OR ' + s.slice(or + 4), 'OR has no search term before it', or + 4);
  const quotes = [...straight(s).matchAll(/"/g)].map((m) => m.index);
  const lastQ = quotes[quotes.length - 1];
  if (lastQ !== undefined) {
    const word = /\s([A-Za-z])/g;
    word.lastIndex = lastQ + 1;
    const w = word.exec(s);
    if (w) add('opening quote with no end', s.slice(0, w.index + 1) + '"' + s.slice(w.index + 1), 'unterminated quote: this " is never closed', w.index + 1);
    const open = quotes[quotes.length - 2];
    const inner = open === undefined ? '' : s.slice(open + 1, lastQ);
    if (open !== undefined && !/[()[\]]|\b(AND|OR|NOT)\b/.test(inner)) {
      add('closing quote deleted', s.slice(0, lastQ) + s.slice(lastQ + 1), 'unterminated quote: this " is never closed', open);
    }
  }
  return v;
}

function realBases(): RealQuery[] {
  const sys = sysrevQueries().filter((q) => q.name.endsWith('edited_search') && checkQuery(q.text).ok);
  const clef = clefQueries().filter((q) => q.name === 'clef CD010339' || q.name === 'clef CD007431');
  return [...[0, 7, 14, 21, 28].map((i) => sys[i] as RealQuery), ...clef];
}

test('one-edit broken variants of real queries are rejected with exactly one error at the expected offset', () => {
  const bases = realBases();
  assert.equal(bases.length, 7);
  const all = bases.flatMap((q, k) => {
    assert.ok(checkQuery(q.text).ok, `${q.name} is valid before the edit`);
    return variants(q, k * 3 + 1);
  });
  assert.ok(all.length >= 40, `${all.length} variants`);
  const kinds = new Set(all.map((v) => v.name.split(': ')[1]));
  assert.equal(kinds.size, 7);
  for (const v of all) {
    const r = checkQuery(v.text);
    assert.ok(!r.ok, `${v.name} must be rejected`);
    assert.deepEqual(r.errors, [{ message: v.message, offset: v.offset }], v.name);
  }
});

test('the strategy variant keeps being read as a strategy, its error at an offset in the whole text', () => {
  const q = clefQueries().find((x) => x.name === 'clef CD007431') as RealQuery;
  for (const v of variants(q, 2)) {
    const r = checkQuery(v.text);
    assert.equal(r.kind, 'strategy', v.name);
    assert.equal(r.dialect, 'pubmed', v.name);
  }
});
