/**
 * The tree of an Essie expression (ClinicalTrials.gov's query language). `and`/`or` are n-ary and
 * flat; `not` and the context operators (AREA, SEARCH, EXPANSION, COVERAGE, TILT) are unary and apply
 * to the expression on their right; terms, phrases, RANGE, DISTANCE, MISSING and ALL are sources.
 * Every node keeps the offset where it starts in the input (a JavaScript string index).
 */

export interface EssieIssue {
  message: string;
  /** 0-based index into the input text. */
  offset: number;
}

export type ContextOp = 'AREA' | 'SEARCH' | 'EXPANSION' | 'COVERAGE' | 'TILT';

export interface TermNode { type: 'term'; text: string; quoted: boolean; offset: number }
export interface RangeNode { type: 'range'; from: string; to: string; offset: number }
export interface DistanceNode { type: 'distance'; lat: number; lon: number; radius: string; offset: number }
export interface MissingNode { type: 'missing'; offset: number }
export interface AllNode { type: 'all'; offset: number }
export interface NotNode { type: 'not'; child: EssieNode; offset: number }
export interface ContextNode { type: 'context'; op: ContextOp; param: string; child: EssieNode; offset: number }
export interface AndNode { type: 'and'; children: EssieNode[]; offset: number }
export interface OrNode { type: 'or'; children: EssieNode[]; offset: number }

export type EssieNode = TermNode | RangeNode | DistanceNode | MissingNode | AllNode | NotNode | ContextNode | AndNode | OrNode;

/** An AND or OR of the parts, flattening parts of the same kind; one part is itself. */
export function joinOf(type: 'and' | 'or', parts: EssieNode[]): EssieNode {
  if (parts.length === 1) return parts[0]!;
  const children = parts.flatMap((p) => (p.type === type ? p.children : [p]));
  return { type, children, offset: parts[0]!.offset };
}

/** Every node, parents before children. */
export function* walkEssie(n: EssieNode): Generator<EssieNode> {
  yield n;
  if (n.type === 'and' || n.type === 'or') for (const c of n.children) yield* walkEssie(c);
  else if (n.type === 'not' || n.type === 'context') yield* walkEssie(n.child);
}

/** The tree without offsets, for comparing two parses. */
export function stripEssieOffsets(n: EssieNode): unknown {
  const { offset: _o, ...rest } = n;
  if (n.type === 'and' || n.type === 'or') return { ...rest, children: n.children.map(stripEssieOffsets) };
  if (n.type === 'not' || n.type === 'context') return { ...rest, child: stripEssieOffsets(n.child) };
  return rest;
}
