/**
 * Parses one Ovid MEDLINE search line into an Ovid tree (translated to PubMed by ovid-translate.ts).
 *
 * `adj`/`adjN` bind tighter than and/or/not (proximity first); and, or, not are read left to
 * right, with a warning when they are mixed without parentheses (Ovid's own order for that case is
 * not assumed; none of the 28 CLEF Ovid strategies mixes them). A field suffix applies to the term or parenthesised group right
 * before it (`K39 or rK39.ti,ab` fields only rK39; `(a or b).tw.` both). A bare number is a
 * reference to that line (Ovid: numbers must be quoted to be searched as words).
 */
import type { QueryIssue } from './ast.js';
import { lexOvid, type OvidToken } from './ovid-lexer.js';

interface OSpan { offset: number; end: number }
export type OvidNode =
  | ({ k: 'bool'; op: 'and' | 'or' | 'not'; left: OvidNode; right: OvidNode } & OSpan)
  | ({ k: 'adj'; n: number | null; at: number; left: OvidNode; right: OvidNode } & OSpan)
  | ({ k: 'term'; text: string; quoted: boolean; fields: string[] | null } & OSpan)
  | ({ k: 'mesh'; heading: string; exploded: boolean; major: boolean; subs: string[] } & OSpan)
  | ({ k: 'ref'; label: string } & OSpan)
  | ({ k: 'group'; child: OvidNode; fields: string[] | null } & OSpan);

class OvidParser {
  i = 0;
  readonly errors: QueryIssue[] = [];
  readonly warnings: QueryIssue[] = [];
  constructor(private readonly toks: readonly OvidToken[]) {}

  peek(): OvidToken | undefined { return this.toks[this.i]; }

  expr(depth: number): OvidNode | null {
    let left = this.adjChain(depth);
    for (let t = this.peek(); t?.kind === 'op'; t = this.peek()) {
      this.i++;
      const right = this.adjChain(depth);
      if (!right) { this.errors.push({ message: `${t.text} has no search term after it`, offset: t.offset }); break; }
      if (!left) { this.errors.push({ message: `${t.text} has no search term before it`, offset: t.offset }); left = right; continue; }
      if (left.k === 'bool' && left.op !== t.op) this.warnings.push({ message: `Ovid ${left.op} and ${t.op} without parentheses: read left to right`, offset: t.offset });
      left = { k: 'bool', op: t.op, left, right, offset: left.offset, end: right.end };
    }
    return left;
  }

  adjChain(depth: number): OvidNode | null {
    let left = this.operand(depth);
    for (let t = this.peek(); t?.kind === 'adj'; t = this.peek()) {
      this.i++;
      const right = this.operand(depth);
      if (!left || !right) { this.errors.push({ message: `${t.text} needs a search term on each side`, offset: t.offset }); return left ?? right; }
      left = { k: 'adj', n: t.n, at: t.offset, left, right, offset: left.offset, end: right.end };
    }
    return left;
  }

  fields(): string[] | null {
    const f = this.peek();
    if (f?.kind !== 'fields') return null;
    this.i++;
    return f.codes;
  }

  operand(depth: number): OvidNode | null {
    const t = this.peek();
    if (!t) return null;
    if (t.kind === 'lparen') {
      this.i++;
      const child = this.expr(depth + 1);
      const close = this.peek();
      if (close?.kind === 'rparen') this.i++;
      else this.errors.push({ message: 'unbalanced parenthesis: this ( is never closed', offset: t.offset });
      if (!child) { this.errors.push({ message: 'empty parentheses', offset: t.offset }); return null; }
      const end = close?.kind === 'rparen' ? close.end : child.end;
      return { k: 'group', child, fields: this.fields(), offset: t.offset, end };
    }
    if (t.kind !== 'word' && t.kind !== 'phrase' && t.kind !== 'mesh') return null;
    return this.atom();
  }

  atom(): OvidNode | null {
    const first = this.peek() as OvidToken;
    let exploded = false;
    if (first.kind === 'word' && first.text.toLowerCase() === 'exp') {
      const n = this.toks[this.i + 1];
      if (n?.kind === 'word' || n?.kind === 'phrase') { exploded = true; this.i++; }
    }
    const words: string[] = [];
    let quoted = false;
    let end = first.end;
    const start = this.peek() as OvidToken;
    if (start.kind === 'phrase') { this.i++; words.push(start.text); quoted = true; end = start.end; }
    else for (let t = this.peek(); t?.kind === 'word'; t = this.peek()) { this.i++; words.push(t.text); end = t.end; }
    const text = words.join(' ');
    const next = this.peek();
    if (next?.kind === 'mesh') {
      this.i++;
      const major = text.startsWith('*');
      const heading = major ? text.slice(1).trim() : text;
      if (!heading) { this.errors.push({ message: 'a subject heading is missing before this /', offset: next.offset }); return null; }
      return { k: 'mesh', heading, exploded, major, subs: next.subs, offset: first.offset, end: next.end };
    }
    if (exploded) this.errors.push({ message: 'exp must be followed by a subject heading ending in /', offset: first.offset });
    const fields = this.fields();
    if (fields) end = this.toks[this.i - 1]?.end ?? end;
    if (!fields && !quoted && /^\d+$/.test(text)) return { k: 'ref', label: text, offset: first.offset, end };
    return { k: 'term', text, quoted, fields, offset: first.offset, end };
  }
}

export function parseOvidLine(input: string, from: number, to: number): { tree: OvidNode | null; errors: QueryIssue[]; warnings: QueryIssue[] } {
  const lexed = lexOvid(input, from, to);
  const p = new OvidParser(lexed.tokens);
  let tree = p.expr(0);
  for (let t = p.peek(); t; t = p.peek()) {
    p.i++;
    if (t.kind === 'rparen') p.errors.push({ message: 'unbalanced parenthesis: this ) has no matching (', offset: t.offset });
    else {
      p.i--;
      const more = p.expr(0);
      if (!more) { p.errors.push({ message: 'unexpected text in the Ovid line', offset: t.offset }); p.i++; continue; }
      if (tree) tree = { k: 'bool', op: 'and', left: tree, right: more, offset: tree.offset, end: more.end };
      else tree = more;
    }
  }
  const errors = [...lexed.errors, ...p.errors].sort((a, b) => a.offset - b.offset);
  if (!tree && errors.length === 0) errors.push({ message: 'empty search line', offset: from });
  return { tree: errors.length ? null : tree, errors, warnings: p.warnings };
}
