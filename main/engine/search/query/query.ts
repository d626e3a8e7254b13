/**
 * Turns any user text into a safe FTS5 MATCH expression: an OR of quoted terms (repeats kept).
 * Quotes, parentheses, AND/NOT, '-', ':', emoji and every script are just text here: each term is a
 * quoted FTS5 string, so no input can produce an FTS5 syntax error. A term typed with a trailing '*'
 * becomes a prefix query. Stop words are dropped unless nothing else is left.
 */

export const STOP_WORDS = new Set((
  'a an and are as at be but by for from has have he her his i if in into is it its of on or our she ' +
  'so such than that the their them then there these they this those to was we were what when where ' +
  'which who whom why will with you your not no do does did can could would should'
).split(' '));

/** Letters, digits, marks and private-use characters: the characters unicode61 keeps in tokens. */
export const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const TERM = /[\p{L}\p{N}\p{M}\p{Co}]+(\*)?/gu;
/** Word-joining dots the index treats as separators (migration 0002); U+318D is a letter to Unicode. */
const JOINERS = /\u318D/g;

/** Text as the index sees it: NFC (not NFKC, which would change characters the index keeps), lower case. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFC').replace(JOINERS, ' ').toLowerCase();
}
/** Long pasted queries (CISI's run to ~200 content words) keep all their words up to this many. */
const MAX_TERMS = 512;
const MAX_TERM_CHARS = 64;

export interface FtsQuery {
  /** The MATCH expression, or null when the text holds no searchable term. */
  match: string | null;
  terms: string[];
}

export function buildFtsQuery(text: string): FtsQuery {
  const normalized = normalizeForSearch(text);
  // Repeated words are kept: the ranking weighs a term by how often the query holds it (search/bm25/bm25.ts).
  let entries: [string, boolean][] = [];
  for (const m of normalized.matchAll(TERM)) entries.push([m[0].replace(/\*$/, '').slice(0, MAX_TERM_CHARS), m[1] === '*']);
  const content = entries.filter(([w]) => !STOP_WORDS.has(w));
  if (content.length > 0) entries = content;
  entries = entries.slice(0, MAX_TERMS);
  if (entries.length === 0) return { match: null, terms: [] };
  const parts = entries.map(([w, prefix]) => `"${w.replaceAll('"', '""')}"${prefix ? ' *' : ''}`);
  return { match: parts.join(' OR '), terms: [...new Set(entries.map(([w]) => w))] };
}
