/**
 * Tokens of a PubMed query: parentheses, the operators AND / OR / NOT, bare words, quoted phrases
 * and field tags `[…]`.
 *
 * Operators: PubMed only treats uppercase AND, OR, NOT as operators ("Boolean operators AND, OR and
 * NOT must be entered in UPPERCASE", NLM PubMed tutorial; NLM Technical Bulletin 1997 Nov-Dec: "PubMed
 * only recognizes Boolean operators in uppercase ... you simply enter wit and humor [mh]"). A
 * lowercase `and` is a word of the search term, and the lexer warns about it. `lowercaseOperators`
 * turns that off (used for the combination lines of strategies, e.g. `1a and (2a or 3)`).
 *
 * Curly quotes (“ ” „ ‟ ″) become `"`, and ‘ ’ ‚ ‛ become `'`, one character for one, so offsets
 * still point into the original text.
 */
import type { QueryIssue } from './ast.js';

export type OpName = 'and' | 'or' | 'not';

export type Token =
  | { kind: 'lparen' | 'rparen'; offset: number; end: number }
  | { kind: 'op'; op: OpName; text: string; offset: number; end: number }
  | { kind: 'word'; text: string; offset: number; end: number }
  | { kind: 'phrase'; text: string; offset: number; end: number }
  | { kind: 'tag'; inside: string; offset: number; end: number };

export interface LexOptions {
  from?: number;
  to?: number;
  lowercaseOperators?: boolean;
}

export interface LexOutput {
  tokens: Token[];
  errors: QueryIssue[];
  warnings: QueryIssue[];
}

const DOUBLE = /[\u201C\u201D\u201E\u201F\u2033]/g;
const SINGLE = /[\u2018\u2019\u201A\u201B]/g;

/** Straightens curly quotes, keeping the length (and so every offset) unchanged. */
export function normalizeQuotes(s: string): string {
  return s.replace(DOUBLE, '"').replace(SINGLE, "'");
}

const DELIMITERS = new Set(['(', ')', '"', '[', ']']);

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

export function lex(raw: string, opts: LexOptions = {}): LexOutput {
  const s = normalizeQuotes(raw);
  const to = opts.to ?? s.length;
  const tokens: Token[] = [];
  const errors: QueryIssue[] = [];
  const warnings: QueryIssue[] = [];
  let i = opts.from ?? 0;
  while (i < to) {
    const ch = s[i] as string;
    if (isSpace(ch)) { i++; continue; }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', offset: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === '"') {
      const close = s.indexOf('"', i + 1);
      if (close < 0 || close >= to) {
        errors.push({ message: 'unterminated quote: this " is never closed', offset: i });
        i++; // read on as if the quote were not there, so one mistake gives one error
        continue;
      }
      tokens.push({ kind: 'phrase', text: s.slice(i + 1, close), offset: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (ch === '[') {
      const close = s.indexOf(']', i + 1);
      const open = s.indexOf('[', i + 1);
      if (close < 0 || close >= to || (open >= 0 && open < close)) {
        errors.push({ message: 'unterminated field tag: this [ is never closed', offset: i });
        i++;
        continue;
      }
      tokens.push({ kind: 'tag', inside: s.slice(i + 1, close), offset: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (ch === ']') {
      errors.push({ message: 'this ] has no matching [', offset: i });
      i++;
      continue;
    }
    let j = i;
    while (j < to && !isSpace(s[j] as string) && !DELIMITERS.has(s[j] as string)) j++;
    const text = s.slice(i, j);
    const lower = text.toLowerCase();
    if (lower === 'and' || lower === 'or' || lower === 'not') {
      if (text === text.toUpperCase() || opts.lowercaseOperators) {
        tokens.push({ kind: 'op', op: lower, text: text.toUpperCase(), offset: i, end: j });
        i = j;
        continue;
      }
      warnings.push({ message: `"${text}" is searched as a word: PubMed only reads uppercase AND, OR, NOT as operators`, offset: i });
    }
    tokens.push({ kind: 'word', text, offset: i, end: j });
    i = j;
  }
  return { tokens, errors, warnings };
}

/** Unmatched parentheses, each reported at its own offset (any token list with lparen/rparen kinds: PubMed's and Essie's). */
export function checkBalance(tokens: readonly { kind: string; offset: number }[]): QueryIssue[] {
  const open: number[] = [];
  const errors: QueryIssue[] = [];
  for (const t of tokens) {
    if (t.kind === 'lparen') open.push(t.offset);
    else if (t.kind === 'rparen') {
      if (open.length === 0) errors.push({ message: 'unbalanced parenthesis: this ) has no matching (', offset: t.offset });
      else open.pop();
    }
  }
  for (const o of open) errors.push({ message: 'unbalanced parenthesis: this ( is never closed', offset: o });
  return errors;
}
