/**
 * The tree of a PubMed Boolean query.
 *
 * PubMed has no precedence between AND, OR and NOT: it evaluates them left to right unless
 * parentheses say otherwise (NLM PubMed tutorial, "Boolean Logic": "PubMed processes Boolean
 * connectors left-to-right"). So `a OR b AND c` is `(a OR b) AND c` and `a NOT b NOT c` is
 * `(a NOT b) NOT c`. AND and OR are associative, so the tree keeps them n-ary and flat: the parser
 * and every builder below merge an AND child into its AND parent (and OR into OR). NOT is binary and
 * never merged. Because of that, two queries that differ only in redundant parentheses have the
 * same tree.
 *
 * Every node carries `offset`/`end`: 0-based character offsets (JavaScript string indexes, end
 * exclusive) into the text that was checked. For a multi-line strategy they point into the whole
 * strategy text, so a line's tree keeps its own offsets wherever it is referenced.
 */
import type { FieldTag } from './fields.js';

export interface Span {
  offset: number;
  end: number;
}

export interface AndNode extends Span {
  type: 'and';
  children: Node[];
}

export interface OrNode extends Span {
  type: 'or';
  children: Node[];
}

/** `children[0] NOT children[1]`: the left operand minus the right one. */
export interface NotNode extends Span {
  type: 'not';
  children: [Node, Node];
}

export interface TermNode extends Span {
  type: 'term';
  /** The words as searched: bare words joined by one space, or a quoted phrase verbatim; no trailing `*`. */
  text: string;
  quoted: boolean;
  /** `term*` (or `"a phrase*"`): PubMed truncation. */
  truncated: boolean;
  /** The canonical short tag (`tiab`, `mh`, `mh:noexp`, …); null = untagged (PubMed's automatic term mapping). */
  field: FieldTag | null;
  /** `"a b"[tiab:~3]`: at most this many words between the quoted words, in any order. */
  proximity?: number;
}

/** A date range: `2000/01/01:2020/12/31[dp]` or `"2000"[dp] : "2010"[dp]`. */
export interface RangeNode extends Span {
  type: 'range';
  from: string;
  to: string;
  field: FieldTag;
}

/** `#3`: a reference to another search (a line of a strategy, or PubMed's search history). */
export interface RefNode extends Span {
  type: 'ref';
  label: string;
}

export type Node = AndNode | OrNode | NotNode | TermNode | RangeNode | RefNode;

/** A problem in the input: a plain message and the 0-based character offset it is about. */
export interface QueryIssue {
  message: string;
  offset: number;
}

function pickSpan(span: Span): Span {
  return { offset: span.offset, end: span.end };
}

function spanOf(children: readonly Node[]): Span {
  const first = children[0];
  const last = children[children.length - 1];
  return { offset: first ? first.offset : 0, end: last ? last.end : 0 };
}

function flatten(type: 'and' | 'or', children: readonly Node[]): Node[] {
  return children.flatMap((c) => (c.type === type ? c.children : [c]));
}

/** AND of the children, flattened; one child is returned as is. */
export function andOf(children: readonly Node[], span?: Span): Node {
  const flat = flatten('and', children);
  if (flat.length === 1 && flat[0]) return flat[0];
  return { type: 'and', children: flat, ...pickSpan(span ?? spanOf(flat)) };
}

/** OR of the children, flattened; one child is returned as is. */
export function orOf(children: readonly Node[], span?: Span): Node {
  const flat = flatten('or', children);
  if (flat.length === 1 && flat[0]) return flat[0];
  return { type: 'or', children: flat, ...pickSpan(span ?? spanOf(flat)) };
}

export function notOf(left: Node, right: Node, span?: Span): NotNode {
  return { type: 'not', children: [left, right], ...pickSpan(span ?? spanOf([left, right])) };
}

/** Combines two operands with a binary operator, the way PubMed reads `left OP right`. */
export function combine(op: 'and' | 'or' | 'not', left: Node, right: Node): Node {
  if (op === 'not') return notOf(left, right);
  return op === 'and' ? andOf([left, right]) : orOf([left, right]);
}

/** The tree without offsets: what "the same query" compares. */
export function stripOffsets(node: Node): unknown {
  switch (node.type) {
    case 'and':
    case 'or':
    case 'not':
      return { type: node.type, children: node.children.map(stripOffsets) };
    case 'term': {
      const t: Record<string, unknown> = { type: 'term', text: node.text, quoted: node.quoted, truncated: node.truncated, field: node.field };
      if (node.proximity !== undefined) t.proximity = node.proximity;
      return t;
    }
    case 'range':
      return { type: 'range', from: node.from, to: node.to, field: node.field };
    case 'ref':
      return { type: 'ref', label: node.label };
  }
}

/** Every node of the tree, depth first, parents before children. */
export function* walk(node: Node): Generator<Node> {
  yield node;
  if (node.type === 'and' || node.type === 'or' || node.type === 'not') {
    for (const c of node.children) yield* walk(c);
  }
}
