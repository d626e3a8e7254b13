/**
 * One operand that is not a parenthesised group: a search term (bare words or a quoted phrase,
 * optionally truncated with `*`, optionally followed by one field tag), a date range, or a `#n`
 * reference.
 *
 * Bare words up to the next operator, parenthesis, phrase or tag form one term: in `hurtle
 * cell[tiab]` the tag applies to "hurtle cell", as PubMed reads it (PubMed then searches it as a
 * phrase if it is in its phrase index, else as its words ANDed). A field tag can follow a term or a
 * phrase, with or without a space (`Brefeldin [tiab]`), but not a parenthesised group: PubMed has no
 * such syntax, and none of the 70 expert queries in ../shared/pubmed uses it.
 */
import type { Node, TermNode } from './ast.js';
import type { Cursor } from './cursor.js';
import { isDateField, resolveTag } from './fields.js';

const DATE = '\\d{4}(?:/\\d{1,2}(?:/\\d{1,2})?)?';
const DATE_ONLY = new RegExp(`^${DATE}$`);
const DATE_RANGE = new RegExp(`^(${DATE}) ?: ?(${DATE})$`);
export const REF_WORD = /^#(\d+)$/;

/** Reads the field tag after a term, if there is one; reports unknown tags and a second tag. */
function readTag(c: Cursor, term: TermNode): void {
  const t = c.peek();
  if (t?.kind !== 'tag') return;
  c.next();
  term.end = t.end;
  const r = resolveTag(t.inside);
  if (!r.ok) c.error(r.message, t.offset);
  else {
    term.field = r.field;
    if (r.proximity !== undefined) {
      if (!term.quoted) c.error('proximity search needs its words in double quotes, e.g. "hip pain"[tiab:~2]', t.offset);
      else if (!/\S\s+\S/.test(term.text)) c.error('proximity search needs two or more words in the quotes', t.offset);
      term.proximity = r.proximity;
    }
  }
  const again = c.peek();
  if (again?.kind === 'tag') {
    c.next();
    c.error('a search term can have only one field tag', again.offset);
  }
}

function readWordsOrPhrase(c: Cursor): TermNode | null {
  const first = c.peek();
  if (!first || (first.kind !== 'word' && first.kind !== 'phrase')) return null;
  const term: TermNode = { type: 'term', text: '', quoted: false, truncated: false, field: null, offset: first.offset, end: first.end };
  if (first.kind === 'phrase') {
    c.next();
    term.quoted = true;
    term.text = first.text;
    const star = c.peek();
    if (star?.kind === 'word' && star.text === '*' && star.offset === first.end) {
      c.next();
      term.text += '*';
      term.end = star.end;
    }
  } else {
    const words: string[] = [];
    for (let t = c.peek(); t?.kind === 'word' && !REF_WORD.test(t.text); t = c.peek()) {
      c.next();
      words.push(t.text);
      term.end = t.end;
    }
    term.text = words.join(' ');
  }
  if (term.quoted && term.text.trim() === '') c.error('empty quotes', term.offset);
  if (term.text.endsWith('*')) {
    term.truncated = true;
    term.text = term.text.slice(0, -1).trimEnd();
    if (term.text === '') c.error('truncation * has no word before it', term.offset);
  }
  readTag(c, term);
  return term;
}

/** `"2000"[dp] : "2010"[dp]`: the colon and the second end, after a date term was read. */
function readColonRange(c: Cursor, from: TermNode): Node {
  const colon = c.next();
  if (!colon) return from;
  const to = readWordsOrPhrase(c);
  if (!to) {
    c.error('date range has no end after the colon', colon.offset);
    return from;
  }
  if (to.field !== from.field) c.error('both ends of a date range need the same date field tag', colon.offset);
  else if (!DATE_ONLY.test(from.text) || !DATE_ONLY.test(to.text)) c.error('a date range needs dates like 2020, 2020/01 or 2020/01/31', colon.offset);
  return { type: 'range', from: from.text, to: to.text, field: from.field ?? 'dp', offset: from.offset, end: to.end };
}

/** Reads a term, range or reference; the cursor is on a word or phrase token. */
export function readAtom(c: Cursor): Node | null {
  const first = c.peek();
  if (first?.kind === 'word') {
    const ref = REF_WORD.exec(first.text);
    if (ref) {
      c.next();
      const tag = c.peek();
      if (tag?.kind === 'tag') {
        c.next();
        c.error('a field tag cannot follow a search reference', tag.offset);
      }
      return { type: 'ref', label: ref[1] as string, offset: first.offset, end: first.end };
    }
  }
  const term = readWordsOrPhrase(c);
  if (!term) return null;
  if (!isDateField(term.field)) return term;
  const range = term.quoted || term.truncated ? null : DATE_RANGE.exec(term.text);
  if (range) return { type: 'range', from: range[1] as string, to: range[2] as string, field: term.field as string, offset: term.offset, end: term.end };
  const next = c.peek();
  if (next?.kind === 'word' && next.text === ':') return readColonRange(c, term);
  return term;
}
