/**
 * Parses an Essie expression with the precedence of ClinicalTrials.gov's syntax page (highest
 * first): source expressions (terms, phrases, RANGE, DISTANCE, MISSING, ALL, a parenthesised
 * expression); operator expressions (NOT and the context operators, unary, applying to what
 * follows on their right); AND; OR. Consecutive bare words are one term (`heart attack`); two
 * operator expressions with no operator between them are ANDed (`bethesda NOT maryland`, the
 * page's own example), with a warning unless the second starts with NOT.
 *
 * Errors are collected with offsets, never thrown; the parser recovers so one mistake gives one error.
 */
import { joinOf, type EssieIssue, type EssieNode } from './ast.js';
import { essieBalance, lexEssie, type EssieToken } from './lexer.js';
import { areaParam, choiceParam, distanceParam, rangeParam } from './params.js';

export interface EssieParse { tree: EssieNode | null; errors: EssieIssue[]; warnings: EssieIssue[] }

class Reader {
  i = 0;
  readonly errors: EssieIssue[] = [];
  readonly warnings: EssieIssue[] = [];
  constructor(readonly tokens: readonly EssieToken[]) {}
  peek(): EssieToken | undefined { return this.tokens[this.i]; }
  next(): EssieToken | undefined { return this.tokens[this.i++]; }
}

const startsOperand = (t: EssieToken | undefined) =>
  t !== undefined && (t.kind === 'word' || t.kind === 'phrase' || t.kind === 'lparen' || t.kind === 'bracket' || t.kind === 'source' || (t.kind === 'op' && t.op === 'NOT'));

function readSource(r: Reader): EssieNode | null {
  const t = r.peek();
  if (!t) return null;
  switch (t.kind) {
    case 'lparen': {
      r.next();
      if (r.peek()?.kind === 'rparen') { r.next(); r.errors.push({ message: 'empty parentheses', offset: t.offset }); return null; }
      const inner = readOr(r);
      if (r.peek()?.kind === 'rparen') r.next(); // a missing ) is reported by essieBalance
      return inner;
    }
    case 'phrase': r.next(); return { type: 'term', text: t.text, quoted: true, offset: t.offset };
    case 'word': {
      const words: string[] = [];
      for (let w = r.peek(); w?.kind === 'word'; w = r.peek()) { words.push(w.text); r.next(); }
      return { type: 'term', text: words.join(' '), quoted: false, offset: t.offset };
    }
    case 'source': r.next(); return t.name === 'MISSING' ? { type: 'missing', offset: t.offset } : { type: 'all', offset: t.offset };
    case 'bracket': {
      r.next();
      if (t.name === 'RANGE') {
        const p = rangeParam(t.inside, t.insideOffset);
        if (!p.ok) { r.errors.push(p.error); return null; }
        return { type: 'range', from: p.value.from, to: p.value.to, offset: t.offset };
      }
      if (t.name === 'DISTANCE') {
        const p = distanceParam(t.inside, t.insideOffset);
        if (!p.ok) { r.errors.push(p.error); return null; }
        return { type: 'distance', ...p.value, offset: t.offset };
      }
      return null; // context operators are read by readUnary
    }
    case 'op':
      r.next();
      r.errors.push({ message: `${t.op} has no search term before it`, offset: t.offset });
      return readUnary(r);
    case 'rparen':
      return null;
  }
}

function readUnary(r: Reader): EssieNode | null {
  const t = r.peek();
  if (t?.kind === 'op' && t.op === 'NOT') {
    r.next();
    const before = r.errors.length;
    const child = readUnary(r);
    if (!child) {
      if (r.errors.length === before) r.errors.push({ message: 'NOT has no search term after it', offset: t.offset });
      return null;
    }
    return { type: 'not', child, offset: t.offset };
  }
  if (t?.kind === 'bracket' && t.name !== 'RANGE' && t.name !== 'DISTANCE') {
    r.next();
    const name = t.name;
    const p = name === 'AREA' || name === 'TILT' ? areaParam(name, t.inside, t.insideOffset) : choiceParam(name, t.inside, t.insideOffset);
    if (!p.ok) r.errors.push(p.error);
    else r.warnings.push(...p.warnings);
    const before = r.errors.length;
    const child = readUnary(r);
    if (!child) {
      if (r.errors.length === before) r.errors.push({ message: `${name}[…] has no search expression after it`, offset: t.offset });
      return null;
    }
    return p.ok ? { type: 'context', op: name, param: p.value, child, offset: t.offset } : null;
  }
  return readSource(r);
}

function readAnd(r: Reader): EssieNode | null {
  const parts: EssieNode[] = [];
  const first = readUnary(r);
  if (first) parts.push(first);
  for (;;) {
    const t = r.peek();
    if (t?.kind === 'op' && t.op === 'AND') {
      r.next();
      if (!startsOperand(r.peek())) { r.errors.push({ message: 'AND has no search term after it', offset: t.offset }); continue; }
      const y = readUnary(r);
      if (y) parts.push(y);
      continue;
    }
    if (startsOperand(t)) {
      if (!(t!.kind === 'op')) r.warnings.push({ message: 'no operator before this: read as AND', offset: t!.offset });
      const y = readUnary(r);
      if (y) parts.push(y);
      continue;
    }
    break;
  }
  return parts.length ? joinOf('and', parts) : null;
}

function readOr(r: Reader): EssieNode | null {
  const parts: EssieNode[] = [];
  const first = readAnd(r);
  if (first) parts.push(first);
  while (r.peek()?.kind === 'op' && (r.peek() as { op: string }).op === 'OR') {
    const t = r.next()!;
    if (!startsOperand(r.peek())) { r.errors.push({ message: 'OR has no search term after it', offset: t.offset }); continue; }
    const y = readAnd(r);
    if (y) parts.push(y);
  }
  return parts.length ? joinOf('or', parts) : null;
}

export function parseEssie(input: string): EssieParse {
  const lexed = lexEssie(input);
  const r = new Reader(lexed.tokens);
  const errors: EssieIssue[] = [...lexed.errors, ...essieBalance(lexed.tokens)];
  if (lexed.tokens.length === 0 && lexed.errors.length === 0) return { tree: null, errors: [{ message: 'empty query', offset: 0 }], warnings: lexed.warnings };
  const parts: EssieNode[] = [];
  while (r.peek()) {
    if (r.peek()!.kind === 'rparen') { // a stray ): reported by essieBalance; an operator after it goes on
      r.next();
      const t = r.peek();
      if (t?.kind === 'op' && t.op !== 'NOT' && parts.length > 0) r.next();
      continue;
    }
    const at = r.i;
    const x = readOr(r);
    if (x) parts.push(x);
    if (r.i === at) r.next(); // never stall
  }
  errors.push(...r.errors);
  const seen = new Set<string>();
  const unique = errors.filter((e) => { const k = `${e.offset}\u0000${e.message}`; if (seen.has(k)) return false; seen.add(k); return true; });
  unique.sort((a, b) => a.offset - b.offset);
  const warnings = [...lexed.warnings, ...r.warnings].sort((a, b) => a.offset - b.offset);
  if (parts.length === 0 && unique.length === 0) unique.push({ message: 'empty query', offset: 0 });
  return { tree: unique.length ? null : joinOf('and', parts), errors: unique, warnings };
}
