/**
 * Turns any user text into a safe FTS5 MATCH expression: an OR of de-duplicated, quoted terms.
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
const MAX_TERMS = 64;
const MAX_TERM_CHARS = 64;

export interface FtsQuery {
  /** The MATCH expression, or null when the text holds no searchable term. */
  match: string | null;
  terms: string[];
}

export function buildFtsQuery(text: string): FtsQuery {
  const normalized = normalizeForSearch(text);
  const seen = new Map<string, boolean>();
  for (const m of normalized.matchAll(TERM)) {
    const word = m[0].replace(/\*$/, '').slice(0, MAX_TERM_CHARS);
    const prefix = m[1] === '*';
    seen.set(word, (seen.get(word) ?? false) || prefix);
  }
  let entries = [...seen.entries()];
  const content = entries.filter(([w]) => !STOP_WORDS.has(w));
  if (content.length > 0) entries = content;
  entries = entries.slice(0, MAX_TERMS);
  if (entries.length === 0) return { match: null, terms: [] };
  const parts = entries.map(([w, prefix]) => `"${w.replaceAll('"', '""')}"${prefix ? ' *' : ''}`);
  return { match: parts.join(' OR '), terms: entries.map(([w]) => w) };
}
