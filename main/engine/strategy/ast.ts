/**
 * The common tree of one search-strategy line, shared by Ovid MEDLINE and PubMed. Both parsers
 * produce it and both printers read it, so a translation is "parse in one syntax, print in the
 * other". Fields are kept as Ovid MEDLINE field codes (`ti`, `ab`, `mp`, `af`…) where Ovid has one,
 * and as `pm:<tag>` for PubMed tags Ovid has no field for (`pm:tw`, `pm:all`, `pm:atm` for an
 * untagged PubMed term, which PubMed maps automatically). See fields.ts.
 *
 * Offsets (`offset`/`end`) are 0-based indexes into the whole strategy text.
 */

export interface Span { offset: number; end: number }

/** `*` / `$` open truncation (`max` absent), or Ovid `$N` (at most N more characters). */
export interface Truncation { max?: number }

export interface TermNode extends Span {
  t: 'term';
  /** The words as typed, quotes removed, truncation removed, wildcards (`#`, `?`) kept. */
  text: string;
  quoted: boolean;
  trunc?: Truncation;
  /** Field codes (see fields.ts); empty = the dialect's default (Ovid .mp., PubMed automatic mapping). */
  fields: string[];
}

/** A subject heading: Ovid `exp *X/dt,th`, PubMed `"X/drug therapy"[majr]`. */
export interface HeadingNode extends Span {
  t: 'heading';
  text: string;
  explode: boolean;
  major: boolean;
  /** Qualifier (subheading) full names, lower case; empty = the heading alone. */
  subs: string[];
}

/** A floating subheading: Ovid `dt.fs.`, PubMed `drug therapy[sh]`. */
export interface SubNode extends Span { t: 'sub'; name: string; explode: boolean }

/** Words near each other: Ovid `a adj3 b`, PubMed `"a b"[tiab:~2]`. */
export interface NearNode extends Span {
  t: 'near';
  /** At most this many words between; null = Ovid plain `adj` (next to each other, in order). */
  between: number | null;
  kids: Node[];
}

export interface BoolNode extends Span { t: 'bool'; op: 'and' | 'or' | 'not'; kids: Node[] }

/** A line reference: Ovid `3`, PubMed `#3`. */
export interface RefNode extends Span { t: 'ref'; label: string }

/** A date range on a date field (`yr`, `ed`, `dt`, `dc`, `ez`, `dp`…): from/to as typed digits. */
export interface RangeNode extends Span { t: 'range'; field: string; from: string; to: string }

/** Ovid `.ab./freq=N`: the word at least N times in the field. PubMed has no such search. */
export interface FreqNode extends Span { t: 'freq'; n: number; kid: Node }

/** A PubMed subset or filter (`systematic[sb]`, `hasabstract[filter]`): no Ovid field. */
export interface FilterNode extends Span { t: 'filter'; name: string; tag: 'sb' | 'filter' | '' }

/** One item of an Ovid `limit N to …` line, with what it becomes. */
export interface LimitItem extends Span {
  raw: string;
  node: Node | null;
  exactness: 'exact' | 'approximate' | 'dropped';
  note?: string;
}

/** Ovid `limit N to (english language and humans)`. */
export interface LimitNode extends Span { t: 'limit'; label: string; refSpan: Span; items: LimitItem[] }

export type Node = TermNode | HeadingNode | SubNode | NearNode | BoolNode | RefNode | RangeNode | FreqNode | FilterNode | LimitNode;

export function bool(op: 'and' | 'or' | 'not', kids: Node[], span: Span): Node {
  if (op !== 'not') {
    const flat = kids.flatMap((k) => (k.t === 'bool' && k.op === op ? k.kids : [k]));
    if (flat.length === 1) return flat[0] as Node;
    return { t: 'bool', op, kids: flat, offset: span.offset, end: span.end };
  }
  return { t: 'bool', op, kids, offset: span.offset, end: span.end };
}

/** Every node, parents first. */
export function* walk(n: Node): Generator<Node> {
  yield n;
  if (n.t === 'bool' || n.t === 'near') for (const k of n.kids) yield* walk(k);
  if (n.t === 'freq') yield* walk(n.kid);
  if (n.t === 'limit') for (const i of n.items) if (i.node) yield* walk(i.node);
}

/** The tree without offsets and spellings that do not change the search: what "same meaning" compares. */
export function meaning(n: Node): unknown {
  switch (n.t) {
    case 'term': return { t: 'term', text: n.text.toLowerCase(), trunc: n.trunc ?? null, fields: canonicalFields(n.fields), phrase: /\s/.test(n.text) };
    case 'heading': {
      const one = (subs: string[]) => ({ t: 'heading', text: n.text.toLowerCase(), explode: n.explode, major: n.major, subs });
      return n.subs.length > 1 ? { t: 'bool', op: 'or', kids: n.subs.map((x) => one([x])) } : one(n.subs);
    }
    case 'sub': return { t: 'sub', name: n.name, explode: n.explode };
    case 'near': {
      // (a or b) adj2 c = (a adj2 c) or (b adj2 c); plain adj = the phrase, in order
      const lists = n.kids.map((k) => (k.t === 'bool' && k.op === 'or' ? k.kids : [k]));
      let combos: Node[][] = [[]];
      for (const l of lists) combos = combos.flatMap((c) => l.map((x) => [...c, x]));
      const one = (kids: Node[]): unknown => {
        const terms = kids.every((k, i) => k.t === 'term' && (!k.trunc || (i === kids.length - 1 && k.trunc.max === undefined)) && canonicalFields(k.fields).join() === canonicalFields((kids[0] as TermNode).fields).join());
        const last = kids[kids.length - 1] as TermNode;
        if (n.between === null && terms) return meaning({ t: 'term', text: kids.map((k) => (k as TermNode).text).join(' '), quoted: true, ...(last.trunc ? { trunc: {} } : {}), fields: (kids[0] as TermNode).fields, offset: 0, end: 0 });
        return { t: 'near', between: n.between, kids: kids.map(meaning) };
      };
      return combos.length === 1 ? one(combos[0] as Node[]) : { t: 'bool', op: 'or', kids: combos.map(one) };
    }
    case 'bool': {
      const kids = n.kids.map(meaning);
      const flat = n.op === 'not' ? kids : kids.flatMap((k) => (isBool(k, n.op) ? (k as { kids: unknown[] }).kids : [k]));
      return { t: 'bool', op: n.op, kids: flat };
    }
    case 'ref': return { t: 'ref', label: n.label };
    case 'range': return { t: 'range', field: n.field, from: n.from, to: n.to };
    case 'freq': return { t: 'freq', n: n.n, kid: meaning(n.kid) };
    case 'filter': return { t: 'filter', name: n.name.toLowerCase() };
    case 'limit': return { t: 'bool', op: 'and', kids: [{ t: 'ref', label: n.label }, ...n.items.flatMap((i) => (i.node ? [meaning(i.node)] : []))] };
  }
}

/** Field codes that search the same thing, spelled one way: `.tw.` is `.ti,ab.` in MEDLINE. */
const SAME: Readonly<Record<string, string[]>> = { tw: ['ti', 'ab'], la: ['lg'], an: ['ui'], pn: ['ps'], no: ['gr'], de: ['sh'] };

export function canonicalFields(fields: readonly string[]): string[] {
  return [...new Set(fields.flatMap((f) => SAME[f] ?? [f]))].sort();
}

function isBool(m: unknown, op: string): boolean {
  return typeof m === 'object' && m !== null && (m as { t?: string }).t === 'bool' && (m as { op?: string }).op === op;
}
