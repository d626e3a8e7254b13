/**
 * One Ovid search line → the common tree (ast.ts), with located diagnostics.
 *
 * Grammar (Ovid Syntax help; Ovid MEDLINE Database Guide): `adj`/`adjN` bind tighter than
 * `and`/`or`/`not`, which are read left to right (a warning when they are mixed without
 * parentheses); a field suffix applies to the term or parenthesised group right before it
 * (`(a or b).ti,ab.` fields both); `exp`, `*` and `/sub` make a subject heading; a term fielded
 * `.sh.` is a heading, `.fs.` a floating subheading; a bare number is a reference to that line
 * (Ovid searches numbers as words only when quoted or fielded).
 *
 * Mistakes with one plain reading are repaired with a warning: a dangling operator, a missing `)`
 * at the end, a `)` with no `(`, a truncation symbol standing alone after a word. Anything else is an
 * error at its offset.
 */
import { bool, type Node, type Span, type TermNode } from './ast.js';
import type { Sink } from './diagnostics.js';
import { lexOvid, type OvidToken } from './ovid-lexer.js';
import { subheadingAbbr, subheadingName } from './subheadings.js';

type Op = 'and' | 'or' | 'not';

class Parser {
  i = 0;
  mixed = false;
  constructor(private readonly toks: OvidToken[], private readonly sink: Sink, private readonly s: string) {}
  peek(k = 0): OvidToken | undefined { return this.toks[this.i + k]; }

  expr(depth: number): Node | null {
    let left = this.adjChain(depth);
    let lastOp: Op | null = null;
    while (true) {
      const t = this.peek();
      if (!t || t.kind === 'rparen') break;
      if (t.kind !== 'op') {
        // two operands with nothing between: Ovid would refuse; read as AND with a warning
        const right = this.adjChain(depth);
        if (!right) { this.sink.error(t.offset, `unexpected "${this.s.slice(t.offset, t.end)}"`, 'remove it or put an operator (and, or, not) before it'); this.i++; continue; }
        this.sink.warn(right.offset, 'two search terms with no operator between them: read as AND', 'put and, or or not between them');
        left = left ? bool('and', [left, right], { offset: left.offset, end: right.end }) : right;
        continue;
      }
      this.i++;
      const right = this.adjChain(depth);
      if (!right) {
        this.sink.warn(t.offset, `"${this.s.slice(t.offset, t.end)}" has nothing after it: ignored`, `remove the dangling "${t.op}" or add the missing term`);
        continue;
      }
      if (!left) {
        this.sink.warn(t.offset, `"${this.s.slice(t.offset, t.end)}" has nothing before it: ignored`, `remove the "${t.op}" at the start`);
        left = right;
        continue;
      }
      if (lastOp && lastOp !== t.op && !this.mixed) {
        this.mixed = true;
        this.sink.warn(t.offset, `${lastOp} and ${t.op} mixed without parentheses: read left to right`, 'add parentheses to say which operator goes first');
      }
      lastOp = t.op;
      left = bool(t.op, t.op === 'not' ? [left, right] : [left, right], { offset: left.offset, end: right.end });
    }
    return left;
  }

  adjChain(depth: number): Node | null {
    let left = this.operand(depth);
    for (let t = this.peek(); t?.kind === 'adj'; t = this.peek()) {
      this.i++;
      const right = this.operand(depth);
      const name = this.s.slice(t.offset, t.end);
      if (!left || !right) {
        this.sink.warn(t.offset, `${name} needs a search term on each side: ignored`, `remove the dangling ${name} or add the missing term`);
        left = left ?? right;
        continue;
      }
      const between = t.n === null ? null : Math.max(t.n - 1, 0);
      const kids = left.t === 'near' && left.between === between ? [...left.kids, right] : [left, right];
      left = { t: 'near', between, kids, offset: left.offset, end: right.end };
    }
    return left;
  }

  fields(): { codes: string[]; freq?: number; end: number } | null {
    const f = this.peek();
    if (f?.kind !== 'fields') return null;
    this.i++;
    return { codes: f.codes, ...(f.freq !== undefined ? { freq: f.freq } : {}), end: f.end };
  }

  operand(depth: number): Node | null {
    const t = this.peek();
    if (!t) return null;
    if (t.kind === 'lparen') {
      this.i++;
      const child = this.expr(depth + 1);
      const close = this.peek();
      if (close?.kind === 'rparen') this.i++;
      else if (!close) this.sink.warn(t.offset, 'this ( is never closed: closed at the end of the line', 'add the missing ) where the group ends');
      if (!child) {
        this.sink.error(t.offset, 'empty parentheses', 'remove the () or put search terms inside');
        return null;
      }
      const f = this.fields();
      const end = f ? f.end : close?.kind === 'rparen' ? close.end : child.end;
      const node = f ? applyFields(child, f.codes) : child;
      return withFreq({ ...node, ...(f ? {} : {}) }, f, { offset: t.offset, end }, this.sink);
    }
    if (t.kind === 'fields') {
      this.i++;
      this.sink.error(t.offset, 'a field suffix with no search term before it', 'put the term before the field suffix, e.g. pain.ti,ab.');
      return this.operand(depth);
    }
    if (t.kind !== 'word' && t.kind !== 'phrase' && t.kind !== 'mesh') return null;
    return this.atom();
  }

  atom(): Node | null {
    const first = this.peek() as OvidToken;
    let explode = false;
    if (first.kind === 'word' && first.text.toLowerCase() === 'exp') {
      const n = this.peek(1);
      if (n?.kind === 'word' || n?.kind === 'phrase' || n?.kind === 'mesh') { explode = true; this.i++; }
    }
    const set = first.kind === 'word' ? /^(or|and)\/([\d,\-\u2013]+)$/i.exec(first.text) : null;
    if (set) {
      this.i++;
      const labels = (set[2] as string).split(',').flatMap((p) => {
        const m = /^(\d+)(?:[-\u2013](\d+))?$/.exec(p);
        if (!m) return [];
        const a = Number(m[1]);
        const b = m[2] ? Number(m[2]) : a;
        return b >= a && b - a < 5000 ? Array.from({ length: b - a + 1 }, (_, k) => String(a + k)) : [];
      });
      const refs: Node[] = labels.map((label) => ({ t: 'ref', label, offset: first.offset, end: first.end }));
      if (!refs.length) { this.sink.error(first.offset, `not a list of line numbers: ${set[0]}`, 'write e.g. or/1-5,7'); return null; }
      return bool((set[1] as string).toLowerCase() as 'or' | 'and', refs, first);
    }
    const words: string[] = [];
    let quoted = false;
    let end = first.end;
    for (let t = this.peek(); t?.kind === 'word' || t?.kind === 'phrase'; t = this.peek()) {
      if (t.kind === 'phrase') quoted = true;
      this.i++;
      words.push(t.text);
      end = t.end;
    }
    // "Sensitivity and Specificity/", "exp Signs and Symptoms/", "Aged, 80 and over/": a heading with and/or inside
    const joined = this.headingWithOperator(words, explode);
    if (joined) { words.push(...joined.words); end = joined.end; }
    let text = words.join(' ').trim();
    const next = this.peek();
    const span: Span = { offset: first.offset, end };
    if (next?.kind === 'mesh') {
      this.i++;
      let major = false;
      if (text.startsWith('*')) { major = true; text = text.slice(1).trim(); }
      if (!text) { this.sink.error(next.offset, 'a subject heading is missing before this /', 'write the heading before the /, e.g. exp Heart Failure/'); return null; }
      const subs = next.subs.map((a) => subheadingName(a) ?? a);
      return { t: 'heading', text: text.replace(/^"|"$/g, ''), explode, major, subs, offset: first.offset, end: next.end };
    }
    if (explode) this.sink.warn(first.offset, 'exp is not followed by a subject heading ending in /: read as a heading', 'end the heading with /, e.g. exp Neoplasms/');
    if (!text) return null;
    const f = this.fields();
    if (f) span.end = f.end;
    if (!f && !quoted && /^#?\d+$/.test(text)) return { t: 'ref', label: text.replace('#', ''), ...span };
    if (explode) return { t: 'heading', text, explode: true, major: false, subs: [], ...span };
    const term = this.term(text, quoted, span);
    if (!term) return null;
    const node = f ? applyFields(term, f.codes) : term;
    return withFreq(node, f, span, this.sink);
  }

  headingWithOperator(words: string[], explode: boolean): { words: string[]; end: number } | null {
    const op = this.peek();
    if (op?.kind !== 'op' || op.op === 'not' || words.length === 0) return null;
    let k = this.i + 1;
    const more: string[] = [];
    for (let t = this.toks[k]; t?.kind === 'word'; t = this.toks[++k]) more.push(t.text);
    const mesh = this.toks[k];
    if (mesh?.kind !== 'mesh' || more.length === 0 || more[0] === 'exp') return null;
    const capital = /^\*?[A-Z]/.test(words[0] as string) && !/^[A-Z]{2,}$/.test(words[0] as string);
    if (!explode && !capital) return null;
    const opText = this.s.slice(op.offset, op.end);
    if (opText !== opText.toLowerCase()) return null;
    this.sink.warn(op.offset, `"${[...words, opText, ...more].join(' ')}/" read as one subject heading (with "${opText}" in its name)`, `if two searches were meant, write them as ${words.join(' ')}.mp. ${opText} ${more.join(' ')}/`);
    this.i = k;
    return { words: [opText, ...more], end: (this.toks[k - 1] as { end: number }).end };
  }

  term(raw: string, quoted: boolean, span: Span): TermNode | null {
    let trunc: TermNode['trunc'];
    // a truncation symbol standing apart from its word ("therap $", "$ ra"): joined to the word before it, or dropped
    const parts: string[] = [];
    let apart = false;
    for (const w of raw.split(/\s+/).filter(Boolean)) {
      if (/^[$*]\d*$/.test(w)) {
        apart = true;
        if (parts.length && !/[$*]\d*$/.test(parts[parts.length - 1] as string)) parts[parts.length - 1] += w;
      } else parts.push(w);
    }
    if (parts.length === 0) {
      this.sink.error(span.offset, 'a truncation symbol with no word before it', 'put the word stem before the $, e.g. therap$');
      return null;
    }
    if (apart) this.sink.warn(span.offset, 'a truncation symbol stands apart from its word: joined to the word before it', 'remove the space before the $ or *');
    let text = parts.join(' ');
    const m = /(\$(\d*)|\*)$/.exec(text);
    if (m) {
      trunc = m[2] ? { max: Number(m[2]) } : {};
      text = text.slice(0, m.index).trimEnd();
    }
    if (text.replace(/[$*]\d*/g, '').trim() === '') {
      this.sink.error(span.offset, 'a truncation symbol with no word before it', 'put the word stem before the $, e.g. therap$');
      return null;
    }
    if (/^\*/.test(text)) {
      this.sink.warn(span.offset, 'a leading * is not Ovid truncation (only a heading can be starred): ignored', 'remove the * before the word, or write *Heading/ for a major heading');
      text = text.slice(1);
    }
    return { t: 'term', text, quoted, ...(trunc ? { trunc } : {}), fields: [], ...span };
  }
}

function withFreq(node: Node, f: { freq?: number } | null, span: Span, _sink: Sink): Node {
  if (f?.freq === undefined) return { ...node, offset: span.offset, end: span.end } as Node;
  return { t: 'freq', n: f.freq, kid: node, offset: span.offset, end: span.end };
}

/** A field suffix applied to a term or a group: to every term in it that has no field yet. */
export function applyFields(n: Node, codes: string[]): Node {
  switch (n.t) {
    case 'term': {
      if (n.fields.length) return n;
      if (codes.length === 1 && codes[0] === 'sh') return { t: 'heading', text: n.text, explode: false, major: false, subs: [], offset: n.offset, end: n.end };
      if (codes.length === 1 && codes[0] === 'fs') {
        const name = subheadingName(n.text) ?? (subheadingAbbr(n.text) ? n.text.toLowerCase() : n.text.toLowerCase());
        return { t: 'sub', name, explode: false, offset: n.offset, end: n.end };
      }
      return { ...n, fields: [...codes] };
    }
    case 'bool': return { ...n, kids: n.kids.map((k) => applyFields(k, codes)) };
    case 'near': return { ...n, kids: n.kids.map((k) => applyFields(k, codes)) };
    case 'freq': return { ...n, kid: applyFields(n.kid, codes) };
    default: return n;
  }
}

export function parseOvidLine(s: string, from: number, to: number, sink: Sink): Node | null {
  // Ovid multi-file searches end a line with "use ppez" (this database segment only)
  const use = /\s+use\s+([a-z][a-z0-9]{2,7})\s*$/i.exec(s.slice(from, to));
  if (use) {
    sink.warn(from + use.index + 1, `"use ${use[1]}" (search only that Ovid database segment) has no PubMed form: ignored`, 'remove it when searching one database');
    to = from + use.index;
  }
  let lexed = lexOvid(s, from, to);
  if (lexed.openQuote !== null) {
    const at = lexed.openQuote;
    sink.warn(at, 'this quote is never closed: closed at the end of the line', 'add the closing " where the phrase ends');
    const suffix = /(\.[a-z]{2,3}(?:,[a-z]{2,3})*\.?)\s*$/i.exec(s.slice(at, to));
    const close = suffix && !/[()]/.test(s.slice(at, to)) ? at + suffix.index : to;
    s = `${s.slice(0, close)}"${s.slice(close)}`;
    lexed = lexOvid(s, from, to + 1);
    if (lexed.openQuote !== null) sink.error(lexed.openQuote, 'this quote is never closed', 'add the closing " or remove this one');
  }
  for (const u of lexed.unknownFields) sink.warn(u.offset, `unknown Ovid field code .${u.code}.: ignored`, 'use a MEDLINE field code such as .ti. .ab. .tw. .kf. .mp. .af. .sh. .pt.');
  const p = new Parser(lexed.tokens, sink, s);
  let tree = p.expr(0);
  while (p.peek()) {
    const t = p.peek() as OvidToken;
    if (t.kind === 'rparen') {
      sink.warn(t.offset, 'this ) has no matching (: ignored', 'remove it, or add the ( where the group starts');
      p.i++;
      const f = p.fields();
      if (f && tree) tree = applyFields(tree, f.codes);
      const more = p.expr(0);
      if (more) tree = tree ? bool('and', [tree, more], { offset: tree.offset, end: more.end }) : more;
      continue;
    }
    const more = p.expr(0);
    if (!more) { sink.error(t.offset, `unexpected "${s.slice(t.offset, t.end)}"`, 'remove it'); p.i++; continue; }
    tree = tree ? bool('and', [tree, more], { offset: tree.offset, end: more.end }) : more;
  }
  if (!tree && !sink.items.some((d) => d.severity === 'error')) sink.error(from, 'no search term on this line', 'write a search here, or remove the line');
  return tree;
}
