/**
 * The search box's operators, parsed (search/query/operators-apply.ts applies them):
 *  - `"exact phrase"`: results must contain it;
 *  - `-word`, `-"phrase"`, `NOT word`: results must not contain it;
 *  - `a OR b`: either (words are already alternatives, ranked; `OR` joins phrases into one requirement);
 *  - filters `author:`, `year:` (2010, 2010-2014, >2015, <2000), `type:`/`kind:` (pdf, note, pubmed, docx,
 *    html, epub, reference, trial),
 *    `folder:`, `tag:`, `collection:`; a value may be quoted (`author:"van Gogh"`); `-author:x` excludes.
 * Anything it cannot honour is said in `notes` (and searched as words where that makes sense), never
 * dropped silently. Plain text parses to words alone, so it searches as it always did; so does input of
 * more than MAX_OPERATOR_WORDS words (a pasted passage).
 */

import { normalizeForSearch, TOKEN } from './query.js';

export const FILTER_FIELDS = ['author', 'year', 'type', 'kind', 'folder', 'tag', 'collection'] as const;
export type FilterField = 'author' | 'year' | 'type' | 'folder' | 'tag' | 'collection';

export interface Filter {
  field: FilterField;
  value: string;
  /** `-field:value`: documents that do not match. */
  negated: boolean;
  /** year only: the inclusive range. */
  years?: [number, number];
}

export interface ParsedQuery {
  /** Words (outside phrases, negations and filters), for ranking. */
  words: string[];
  /** Required units: a phrase, or alternatives joined by OR (each alternative a phrase or a word). */
  required: string[][];
  /** Excluded phrases or words. */
  excluded: string[];
  filters: Filter[];
  /** What could not be honoured, in words for the user. */
  notes: string[];
  /** The text to embed and to measure word order with: words and phrases, without operators. */
  text: string;
  /** Whether anything beyond plain words was used. */
  operators: boolean;
}

const TYPES = ['pdf', 'note', 'pubmed', 'docx', 'html', 'epub', 'reference', 'trial'];

/**
 * Longer input is a pasted passage, searched as plain text: its dashes, colons and capitalised "OR"
 * (odds ratios) are the passage's own words, not operators, and a pasted sentence must find itself.
 */
export const MAX_OPERATOR_WORDS = 16;

/** A phrase or excluded word as the index sees it (its tokens), or null when it has none. */
function searchable(text: string): string | null {
  const tokens = normalizeForSearch(text).match(TOKEN);
  return tokens ? tokens.join(' ') : null;
}

interface Token { kind: 'word' | 'phrase' | 'or' | 'not' | 'filter'; text: string; negated: boolean; field?: string }

function tokenize(input: string, notes: string[]): Token[] {
  const out: Token[] = [];
  // In text typed in capitals, OR and NOT are words like the others.
  const shouting = !/\p{Ll}/u.test(input) && /\p{Lu}{2}/u.test(input);
  const re = /(-?)([A-Za-z]+):("([^"]*)"?|\S*)|(-?)"([^"]*)("?)|(\S+)/g;
  for (const m of input.matchAll(re)) {
    if (m[2] !== undefined) {
      const value = m[4] ?? m[3] ?? '';
      out.push({ kind: 'filter', field: m[2].toLowerCase(), text: value.trim(), negated: m[1] === '-' });
    } else if (m[6] !== undefined) {
      if (m[7] !== '"') notes.push(`the quote before “${m[6].trim().slice(0, 40)}” is not closed: searched as a phrase to the end`);
      if (m[6].trim() !== '') out.push({ kind: 'phrase', text: m[6].trim(), negated: m[5] === '-' });
    } else {
      const w = m[8]!;
      if (w === 'OR' && !shouting) out.push({ kind: 'or', text: w, negated: false });
      else if (w === 'NOT' && !shouting) out.push({ kind: 'not', text: w, negated: false });
      // `-word` excludes; a dash before a digit is a number (-0.39, -3).
      else if (/^-\p{L}/u.test(w)) out.push({ kind: 'word', text: w.slice(1), negated: true });
      else out.push({ kind: 'word', text: w, negated: false });
    }
  }
  return out;
}

function yearRange(v: string): [number, number] | null {
  let m = /^(\d{4})$/.exec(v);
  if (m) return [Number(m[1]), Number(m[1])];
  m = /^(\d{4})\s*(?:-|–|\.\.)\s*(\d{4})$/.exec(v);
  if (m) return [Math.min(Number(m[1]), Number(m[2])), Math.max(Number(m[1]), Number(m[2]))];
  m = /^(>=?|<=?)(\d{4})$/.exec(v);
  if (!m) return null;
  const y = Number(m[2]);
  if (m[1] === '>') return [y + 1, 9999];
  if (m[1] === '>=') return [y, 9999];
  if (m[1] === '<') return [0, y - 1];
  return [0, y];
}

function toFilter(t: Token, notes: string[], words: string[]): Filter | null {
  const raw = t.field!;
  const field = (raw === 'kind' ? 'type' : raw) as FilterField;
  const shown = `${t.negated ? '-' : ''}${raw}:${t.text}`;
  if (!(FILTER_FIELDS as readonly string[]).includes(raw)) {
    notes.push(`“${raw}:” is not a filter (${FILTER_FIELDS.join(', ')}): “${shown}” searched as words`);
    words.push(raw, ...t.text.split(/\s+/).filter(Boolean));
    return null;
  }
  if (t.text === '') { notes.push(`“${raw}:” has no value: ignored`); return null; }
  if (field === 'year') {
    const years = yearRange(t.text);
    if (!years) { notes.push(`“${shown}” is not a year (2010, 2010-2014, >2015, <2000): ignored`); return null; }
    return { field, value: t.text, negated: t.negated, years };
  }
  if (field === 'type' && !TYPES.includes(t.text.toLowerCase())) {
    notes.push(`“${shown}”: the types are ${TYPES.join(', ')}: ignored`);
    return null;
  }
  return { field, value: field === 'type' ? t.text.toLowerCase() : t.text, negated: t.negated };
}

export function parseQuery(input: string): ParsedQuery {
  if (input.split(/\s+/).filter(Boolean).length > MAX_OPERATOR_WORDS) {
    return { words: [], required: [], excluded: [], filters: [], notes: [], text: input, operators: false };
  }
  const notes: string[] = [];
  const words: string[] = [];
  const required: string[][] = [];
  const excluded: string[] = [];
  const filters: Filter[] = [];
  const tokens = tokenize(input, notes);
  let operators = false;
  // Alternatives joined by OR: the unit before an OR and the one after it form one group.
  let group: { items: string[]; phrase: boolean } | null = null;
  const flush = () => {
    if (!group) return;
    if (group.phrase) required.push(group.items);
    else words.push(...group.items);
    group = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'filter') {
      const f = toFilter(t, notes, words);
      if (f) { filters.push(f); operators = true; }
      continue;
    }
    if (t.kind === 'not') {
      const next = tokens[i + 1];
      if (next && (next.kind === 'word' || next.kind === 'phrase') && !next.negated) { next.negated = true; operators = true; }
      else notes.push('“NOT” needs a word or a phrase after it: ignored');
      continue;
    }
    if (t.kind === 'or') {
      const next = tokens[i + 1];
      if (!group || !next || (next.kind !== 'word' && next.kind !== 'phrase') || next.negated) {
        notes.push('“OR” joins two words or phrases: this one was ignored');
      } else operators = true;
      continue;
    }
    if (t.kind === 'phrase' || t.negated) {
      const clean = searchable(t.text);
      if (clean === null) { notes.push(`“${t.text.slice(0, 40)}” has nothing to search for: ignored`); continue; }
      t.text = t.kind === 'phrase' ? clean : t.text;
      if (t.negated) { excluded.push(clean); operators = true; continue; }
    }
    const joined = tokens[i - 1]?.kind === 'or' && group !== null;
    if (!joined) flush();
    if (t.kind === 'phrase') operators = true;
    const g: { items: string[]; phrase: boolean } = joined && group ? group : { items: [], phrase: false };
    const item = t.kind === 'phrase' ? t.text : searchable(t.text);
    if (item !== null) g.items.push(item); // a word of no letters or digits searches nothing
    g.phrase ||= t.kind === 'phrase';
    group = g;
  }
  flush();
  if (excluded.length > 0 && words.length === 0 && required.length === 0) {
    notes.push('only exclusions were given: a search needs something to look for');
  }
  const text = [...words, ...required.flat()].join(' ');
  return { words, required, excluded, filters, notes, text, operators };
}
