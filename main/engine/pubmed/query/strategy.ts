/**
 * Multi-line search strategies in PubMed syntax: query lines, combination lines that name earlier
 * lines (`#1 OR #2`, `#3 AND #4`, and the reviewers' `1 or 2`, `1a and (2a or 3) and 2b not 5`,
 * whose lowercase operators are read as operators because such a line holds nothing but line
 * labels), headings, and label-only lines (see labels.ts). Lines with no labels at all are numbered
 * 1, 2, 3… in order. The last query or combination line is the search: its references are replaced
 * by the lines they name (resolve.ts), giving one tree.
 *
 * A heading is a line with no query syntax (no tag, quote, uppercase operator, `*` or `#n`) that is
 * not the last line and either has a `Name: …` prefix after its number, is followed by a label-only
 * line, or is not referenced by any line.
 */
import { walk, type Node, type QueryIssue } from './ast.js';
import { labelLines, type LabelledLine } from './labels.js';
import { lex } from './lexer.js';
import type { Line } from './lines.js';
import { parseQuery } from './parser.js';
import { resolveStrategy, type ResolvedLine } from './resolve.js';
import { REF_WORD } from './term.js';

export interface StrategyLine {
  label: string | null;
  offset: number;
  kind: 'query' | 'combination' | 'heading' | 'label';
  /** The line's own tree (references kept), when it parsed. */
  tree?: Node;
}

export interface StrategyOutput {
  tree: Node | null;
  errors: QueryIssue[];
  warnings: QueryIssue[];
  lines: StrategyLine[];
}

/** A line made only of line labels, operators (any case) and parentheses, as a tree of refs. */
function combination(input: string, l: LabelledLine, labels: ReadonlySet<string>): Node | null {
  const r = parseQuery(input, { from: l.from, to: l.line.end, lowercaseOperators: true });
  if (!r.tree) return null;
  for (const n of walk(r.tree)) {
    if (n.type === 'term' && (n.quoted || n.truncated || n.field !== null || !(labels.has(n.text) || /^\d+$/.test(n.text)))) return null;
    if (n.type === 'range') return null;
  }
  const toRefs = (n: Node): Node => {
    if (n.type === 'term') return { type: 'ref', label: n.text, offset: n.offset, end: n.end };
    if (n.type === 'and' || n.type === 'or') return { ...n, children: n.children.map(toRefs) };
    if (n.type === 'not') return { ...n, children: [toRefs(n.children[0]), toRefs(n.children[1])] };
    return n;
  };
  return toRefs(r.tree);
}

function looksLikeProse(input: string, l: LabelledLine): boolean {
  const { tokens } = lex(input, { from: l.from, to: l.line.end });
  return tokens.every((t) => t.kind === 'lparen' || t.kind === 'rparen' || (t.kind === 'word' && !t.text.includes('*') && !REF_WORD.test(t.text)));
}

function refLabels(tree: Node | undefined, into: Set<string>): void {
  if (tree) for (const n of walk(tree)) if (n.type === 'ref') into.add(n.label);
}

export function parseStrategy(input: string, lines: readonly Line[]): StrategyOutput {
  const labelled = labelLines(lines);
  const unlabelled = labelled.every((l) => l.label === null);
  if (unlabelled) labelled.forEach((l, i) => { l.label = String(i + 1); });
  const labels = new Set(labelled.flatMap((l) => (l.label === null ? [] : [l.label])));
  const out: StrategyLine[] = [];
  const parsed = labelled.map((l) => {
    if (l.bare) return { kind: 'label' as const };
    const combo = combination(input, l, labels);
    if (combo) return { kind: 'combination' as const, tree: combo, errors: [], warnings: [] };
    return { kind: 'query' as const, ...parseQuery(input, { from: l.from, to: l.line.end }) };
  });
  const referenced = new Set<string>();
  for (const p of parsed) if (p.kind !== 'label') refLabels(p.tree ?? undefined, referenced);

  const errors: QueryIssue[] = [];
  const warnings: QueryIssue[] = [];
  const content: ResolvedLine[] = [];
  const contentLines: LabelledLine[] = [];
  let pending: string | null = null;
  labelled.forEach((l, i) => {
    const p = parsed[i];
    if (!p) return;
    if (p.kind === 'label') {
      pending = l.label;
      out.push({ label: l.label, offset: l.line.offset, kind: 'label' });
      return;
    }
    const last = i === labelled.length - 1;
    const nextBare = labelled[i + 1]?.bare === true;
    if (p.kind === 'query' && !last && looksLikeProse(input, l) && (l.namedInBody || nextBare || l.label === null || !referenced.has(l.label)) && !unlabelled) {
      if (l.label !== null) pending = l.label;
      out.push({ label: l.label, offset: l.line.offset, kind: 'heading' });
      return;
    }
    const label: string | null = l.label ?? pending;
    pending = null;
    errors.push(...p.errors);
    warnings.push(...p.warnings);
    out.push({ label, offset: l.line.offset, kind: p.kind, ...(p.tree ? { tree: p.tree } : {}) });
    if (label !== null && content.some((c) => c.label === label)) errors.push({ message: `two lines are labelled ${label}`, offset: l.line.offset });
    content.push({ label, position: contentLines.length, tree: p.tree ?? null });
    contentLines.push(l);
  });
  const tree = resolveStrategy(content, contentLines.map((c) => c.line.offset), errors, warnings);
  return { tree, errors, warnings, lines: out };
}
