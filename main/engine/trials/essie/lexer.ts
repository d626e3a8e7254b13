/**
 * Tokens of an Essie expression: parentheses, AND / OR / NOT, the bracket operators (AREA[…],
 * SEARCH[…], EXPANSION[…], COVERAGE[…], TILT[…], RANGE[…], DISTANCE[…]: the name, then `[` with no
 * space), MISSING and ALL, bare words and quoted phrases. Operators are uppercase, as the
 * ClinicalTrials.gov syntax page writes them; a lowercase `and` is a word, with a warning.
 * A backslash makes the next character literal (`\MISSING` is the word MISSING; `\"` inside a
 * phrase is a quote). Curly quotes count as straight ones (one character for one: offsets hold).
 */
import { normalizeQuotes } from '../../pubmed/query/lexer.js';
export { checkBalance as essieBalance } from '../../pubmed/query/lexer.js';
import type { EssieIssue } from './ast.js';

export const BRACKET_OPS = ['AREA', 'SEARCH', 'EXPANSION', 'COVERAGE', 'TILT', 'RANGE', 'DISTANCE'] as const;
export type BracketOp = (typeof BRACKET_OPS)[number];

export type EssieToken =
  | { kind: 'lparen' | 'rparen'; offset: number; end: number }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT'; offset: number; end: number }
  | { kind: 'bracket'; name: BracketOp; inside: string; insideOffset: number; offset: number; end: number }
  | { kind: 'source'; name: 'MISSING' | 'ALL'; offset: number; end: number }
  | { kind: 'word'; text: string; offset: number; end: number }
  | { kind: 'phrase'; text: string; offset: number; end: number };

export interface EssieLex { tokens: EssieToken[]; errors: EssieIssue[]; warnings: EssieIssue[] }

const DELIM = new Set(['(', ')', '"', '[', ']']);
const isSpace = (ch: string) => /\s/.test(ch);

/** A quoted phrase starting at the quote `at`: its text and the index after the closing quote, or null. */
function readPhrase(s: string, at: number): { text: string; end: number } | null {
  let text = '';
  for (let i = at + 1; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length) { text += s[++i]!; continue; }
    if (ch === '"') return { text, end: i + 1 };
    text += ch;
  }
  return null;
}

export function lexEssie(raw: string): EssieLex {
  const s = normalizeQuotes(raw);
  const tokens: EssieToken[] = [];
  const errors: EssieIssue[] = [];
  const warnings: EssieIssue[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (isSpace(ch)) { i++; continue; }
    if (ch === '(' || ch === ')') { tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', offset: i, end: i + 1 }); i++; continue; }
    if (ch === '"') {
      const p = readPhrase(s, i);
      if (!p) { errors.push({ message: 'unterminated quote: this " is never closed', offset: i }); i++; continue; }
      if (p.text.trim() === '') errors.push({ message: 'empty phrase', offset: i });
      else tokens.push({ kind: 'phrase', text: p.text.trim().replace(/\s+/g, ' '), offset: i, end: p.end });
      i = p.end;
      continue;
    }
    if (ch === '[' || ch === ']') {
      errors.push({ message: ch === '[' ? 'this [ does not follow an operator: write AREA[Field], RANGE[a, b]… with no space before [' : 'this ] has no matching [', offset: i });
      const close = ch === '[' ? s.indexOf(']', i + 1) : -1;
      i = close < 0 ? i + 1 : close + 1;
      continue;
    }
    let j = i;
    let text = '';
    let escaped = false;
    while (j < s.length && !isSpace(s[j]!) && !DELIM.has(s[j]!)) {
      if (s[j] === '\\' && j + 1 < s.length && !isSpace(s[j + 1]!)) { text += s[j + 1]; j += 2; escaped = true; continue; }
      text += s[j];
      j++;
    }
    if (s[j] === '[' && !escaped) {
      const close = s.indexOf(']', j + 1);
      const reopen = s.indexOf('[', j + 1);
      if (!(BRACKET_OPS as readonly string[]).includes(text)) {
        const upper = text.toUpperCase();
        const hint = (BRACKET_OPS as readonly string[]).includes(upper) ? `: operators are uppercase, write ${upper}[` : '';
        errors.push({ message: `unknown operator ${text}[…]${hint}`, offset: i });
        i = close < 0 ? j + 1 : close + 1;
        continue;
      }
      if (close < 0 || (reopen >= 0 && reopen < close)) {
        errors.push({ message: `unterminated ${text}[: this [ is never closed`, offset: j });
        i = j + 1;
        continue;
      }
      tokens.push({ kind: 'bracket', name: text as BracketOp, inside: s.slice(j + 1, close), insideOffset: j + 1, offset: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (!escaped && (text === 'AND' || text === 'OR' || text === 'NOT')) tokens.push({ kind: 'op', op: text, offset: i, end: j });
    else if (!escaped && (text === 'MISSING' || text === 'ALL')) tokens.push({ kind: 'source', name: text, offset: i, end: j });
    else {
      if (!escaped && /^(and|or|not)$/i.test(text)) warnings.push({ message: `"${text}" is searched as a word: write AND, OR, NOT in uppercase for an operator`, offset: i });
      if (text !== '') tokens.push({ kind: 'word', text, offset: i, end: j });
    }
    i = j;
  }
  return { tokens, errors, warnings };
}
