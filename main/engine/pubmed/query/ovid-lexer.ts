/**
 * Tokens of one Ovid MEDLINE search line: parentheses, operators (and, or, not, adj, adjN, in any
 * case), words, quoted phrases, field suffixes (`.ti,ab.`, `.tw` — the final dot is often left
 * out in published strategies) and subject-heading endings (`/`, `/di`, `/di, pa, ra`). Display
 * notes Ovid prints after a line (`[Diagnosis]`, `[mp=title, abstract, …]`) are dropped first.
 */
import type { QueryIssue } from './ast.js';
import { normalizeQuotes } from './lexer.js';
import { isOvidFieldCode, subheadingName } from './ovid-fields.js';

export type OvidToken =
  | { kind: 'lparen' | 'rparen'; offset: number; end: number }
  | { kind: 'op'; op: 'and' | 'or' | 'not'; text: string; offset: number; end: number }
  | { kind: 'adj'; n: number | null; text: string; offset: number; end: number }
  | { kind: 'word' | 'phrase'; text: string; offset: number; end: number }
  | { kind: 'fields'; codes: string[]; offset: number; end: number }
  | { kind: 'mesh'; subs: string[]; offset: number; end: number };

const SUFFIX = /^(.*?)\.([a-z]{2}(?:,[a-z]{2})*)(\.?)$/i;
const SUBS = /^((?:[a-z]{2})(?:,[a-z]{2})*)?(,?)$/;

/** Where the line's content ends once trailing `[…]` display notes are dropped. */
export function contentEnd(s: string, from: number, to: number): number {
  let end = to;
  for (;;) {
    const body = s.slice(from, end).trimEnd();
    if (!body.endsWith(']')) return from + body.length;
    const open = body.lastIndexOf('[');
    if (open < 0 || body.slice(open).includes('"')) return from + body.length;
    end = from + open;
  }
}

export function lexOvid(raw: string, from: number, to: number): { tokens: OvidToken[]; errors: QueryIssue[] } {
  const s = normalizeQuotes(raw);
  const tokens: OvidToken[] = [];
  const errors: QueryIssue[] = [];
  let openSubs: MeshToken | null = null;
  let i = from;
  while (i < to) {
    const ch = s[i] as string;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', offset: i, end: i + 1 });
      openSubs = null;
      i++;
      continue;
    }
    if (ch === '"') {
      const close = s.indexOf('"', i + 1);
      if (close < 0 || close >= to) {
        errors.push({ message: 'unterminated quote: this " is never closed', offset: i });
        i++;
        continue;
      }
      tokens.push({ kind: 'phrase', text: s.slice(i + 1, close), offset: i, end: close + 1 });
      openSubs = null;
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < to && !/[\s()"]/.test(s[j] as string)) j++;
    const word = s.slice(i, j);
    if (openSubs && /^[a-z]{2},?$/.test(word) && subheadingName(word.slice(0, 2))) {
      openSubs.subs.push(word.slice(0, 2));
      openSubs.end = i + 2;
      if (!word.endsWith(',')) openSubs = null;
      i = j;
      continue;
    }
    openSubs = lexWord(word, i, tokens, errors);
    i = j;
  }
  return { tokens, errors };
}

type MeshToken = Extract<OvidToken, { kind: 'mesh' }>;

/** Pushes the word's tokens; returns the heading ending when its subheading list goes on (`/di,`). */
function lexWord(word: string, at: number, tokens: OvidToken[], errors: QueryIssue[]): MeshToken | null {
  const end = at + word.length;
  const lower = word.toLowerCase();
  if (lower === 'and' || lower === 'or' || lower === 'not') {
    tokens.push({ kind: 'op', op: lower, text: lower, offset: at, end });
    return null;
  }
  const adj = /^adj(\d*)$/.exec(lower);
  if (adj) {
    tokens.push({ kind: 'adj', n: adj[1] ? Number(adj[1]) : null, text: lower, offset: at, end });
    return null;
  }
  const slash = word.lastIndexOf('/');
  const subs = slash >= 0 ? SUBS.exec(word.slice(slash + 1)) : null;
  if (subs && (subs[1] ?? '').split(',').every((a) => a === '' || subheadingName(a))) {
    if (slash > 0) tokens.push({ kind: 'word', text: word.slice(0, slash), offset: at, end: at + slash });
    const list = subs[1] ? subs[1].split(',') : [];
    const mesh: MeshToken = { kind: 'mesh', subs: list, offset: at + slash, end };
    tokens.push(mesh);
    return subs[2] === ',' ? mesh : null;
  }
  const suffix = SUFFIX.exec(word);
  if (suffix) {
    const codes = (suffix[2] as string).split(',');
    const head = suffix[1] as string;
    if (codes.every(isOvidFieldCode)) {
      if (head) tokens.push({ kind: 'word', text: head, offset: at, end: at + head.length });
      tokens.push({ kind: 'fields', codes: codes.map((c) => c.toLowerCase()), offset: at + head.length, end });
      return null;
    }
    if (suffix[3] === '.') {
      errors.push({ message: `unknown Ovid field code .${suffix[2]}.`, offset: at + head.length });
      return null;
    }
  }
  tokens.push({ kind: 'word', text: word, offset: at, end });
  return null;
}
