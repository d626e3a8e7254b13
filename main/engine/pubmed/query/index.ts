/**
 * The PubMed Boolean query language: check a query (or a multi-line search strategy) and print it
 * canonically. See README.md in this folder for the PubMed rules followed and their sources.
 *
 *   checkQuery('("heart failure"[Mesh] OR cardiac failure[tiab]) AND exercis*[tiab]')
 *   → { ok: true, normalized: '"heart failure"[mh] OR cardiac failure[tiab] AND exercis*[tiab]', tree, … }
 *
 * Input with two or more lines, each a complete query or a line label/heading, is a strategy: PubMed
 * syntax (strategy.ts), or Ovid MEDLINE syntax translated to PubMed by ../../strategy (ovid.ts). Anything
 * else is one query, its line breaks read as spaces.
 */
import { walk, type Node, type QueryIssue } from './ast.js';
import { checkBalance, lex } from './lexer.js';
import { splitLines, type Line } from './lines.js';
import { looksOvid, parseOvidStrategy } from './ovid.js';
import { parseQuery } from './parser.js';
import { printQuery } from './printer.js';
import { parseStrategy, type StrategyLine, type StrategyOutput } from './strategy.js';

export type { AndNode, Node, NotNode, OrNode, QueryIssue, RangeNode, RefNode, TermNode } from './ast.js';
export { andOf, notOf, orOf, stripOffsets, walk } from './ast.js';
export { fieldName, fieldTags, resolveTag } from './fields.js';
export { parseQuery } from './parser.js';
export { printQuery, type PrintOptions } from './printer.js';
export type { StrategyLine } from './strategy.js';

export interface CheckOptions {
  /** Read lowercase and/or/not as operators. PubMed does not; off by default. */
  lowercaseOperators?: boolean;
}

interface CheckCommon {
  warnings: QueryIssue[];
  kind: 'query' | 'strategy';
  dialect: 'pubmed' | 'ovid';
  /** For a strategy: its lines, with each line's own tree (references kept). */
  lines?: StrategyLine[];
}

export type CheckResult =
  | ({ ok: true; normalized: string; tree: Node } & CheckCommon)
  | ({ ok: false; errors: QueryIssue[] } & CheckCommon);

/** A line that is a query on its own: balanced, no broken quote or tag, no operator at either end. */
function selfContained(input: string, l: Line): boolean {
  const label = /^(?:#?\s*\d+[a-z]?[.):]|[A-Z][.):])\s+/.exec(l.text);
  const { tokens, errors } = lex(input, { from: l.offset + (label ? label[0].length : 0), to: l.end });
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return errors.length === 0 && checkBalance(tokens).length === 0 && first?.kind !== 'op' && last?.kind !== 'op';
}

const LABELLED = /^(?:#\s*\d+[a-z]?\b|\d+[a-z]?[.)]\s|#?\d+[a-z]?\.?$|[A-Z][.)]\s)/;

/**
 * Lines that are each a query make a strategy; so do lines most of which are, when some line has a
 * strategy label (`#1 …`, `1. …`, `1a` alone), so that one broken line is reported as such.
 * Otherwise the lines are one query broken over several lines.
 */
function isStrategy(input: string, lines: readonly Line[]): boolean {
  const whole = lines.filter((l) => selfContained(input, l)).length;
  if (whole === lines.length) return true;
  return whole * 3 >= lines.length * 2 && lines.some((l) => LABELLED.test(l.text));
}

function fromStrategy(r: StrategyOutput, dialect: 'pubmed' | 'ovid'): CheckResult {
  const common = { warnings: r.warnings, kind: 'strategy' as const, dialect, lines: r.lines };
  if (!r.tree) return { ok: false, errors: r.errors, ...common };
  return { ok: true, normalized: printQuery(r.tree), tree: r.tree, ...common };
}

export function checkQuery(text: string, opts: CheckOptions = {}): CheckResult {
  const lines = splitLines(text);
  if (lines.length >= 2) {
    if (looksOvid(text, lines)) return fromStrategy(parseOvidStrategy(text), 'ovid');
    if (isStrategy(text, lines)) return fromStrategy(parseStrategy(text, lines), 'pubmed');
  }
  const r = parseQuery(text, { lowercaseOperators: opts.lowercaseOperators === true });
  const common = { warnings: r.warnings, kind: 'query' as const, dialect: 'pubmed' as const };
  if (!r.tree) return { ok: false, errors: r.errors, ...common };
  for (const n of walk(r.tree)) {
    if (n.type === 'ref') r.warnings.push({ message: `#${n.label} refers to PubMed's search history, which this query alone cannot resolve`, offset: n.offset });
  }
  r.warnings.sort((a, b) => a.offset - b.offset);
  return { ok: true, normalized: printQuery(r.tree), tree: r.tree, ...common };
}
