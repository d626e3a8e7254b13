/**
 * Ovid MEDLINE strategies pasted where a PubMed query is expected (28 of the 30 CLEF TAR 2017 test
 * topics are Ovid). There is one Ovid reader in Delve, `../../strategy/` (parse, diagnose,
 * translate); this file only decides that the text is Ovid and turns that module's translation
 * into `checkQuery`'s shape: the PubMed query (the last line, references resolved) as a tree, each
 * line's own tree, and the errors and warnings at their offsets in the whole strategy.
 */
import { parseStrategy } from '../../strategy/strategy.js';
import { translateParsed } from '../../strategy/translate.js';
import type { Node, QueryIssue } from './ast.js';
import { resolveTag } from './fields.js';
import { lex } from './lexer.js';
import type { Line } from './lines.js';
import { parseQuery } from './parser.js';
import type { StrategyLine, StrategyOutput } from './strategy.js';

const MARKERS = [
  /\/\s*$/,
  /\/[a-z]{2}(?:,\s?[a-z]{2})*\s*(?:\[[^\]]*\])?\s*$/,
  /\.[a-z]{2}(?:,[a-z]{2})*\.?\s*(?:\[[^\]]*\])?\s*$/i,
  /^(?:\d+\.?\s+)?(?:or|and)\/\s*\d/i,
  /\badj\d*\b/i,
  /^(?:\d+\.?\s+)?limit\s+\d+\s+to\b/i,
];

/** Ovid syntax on some line, and no PubMed field tag on any. */
export function looksOvid(input: string, lines: readonly Line[]): boolean {
  const pubmedTag = lines.some((l) =>
    lex(input, { from: l.offset, to: l.end }).tokens.some((t) => t.kind === 'tag' && resolveTag(t.inside).ok));
  return !pubmedTag && lines.some((l) => MARKERS.some((re) => re.test(l.text)));
}

function treeOf(query: string | null): Node | undefined {
  return query === null ? undefined : parseQuery(query, { lowercaseOperators: false }).tree ?? undefined;
}

const KIND: Readonly<Record<string, StrategyLine['kind']>> = { search: 'query', combination: 'combination', limit: 'combination', dedupe: 'combination' };

/** An Ovid MEDLINE strategy as PubMed: the resolved query's tree, or the reasons there is none. */
export function parseOvidStrategy(input: string): StrategyOutput {
  const parsed = parseStrategy(input, { from: 'ovid' });
  const t = translateParsed(parsed, 'pubmed');
  const errors: QueryIssue[] = [];
  const warnings: QueryIssue[] = [];
  for (const d of [...t.diagnostics, ...t.lines.flatMap((l) => l.errors)]) {
    (d.severity === 'error' ? errors : warnings).push({ message: d.message, offset: d.offset });
  }
  const lines: StrategyLine[] = parsed.lines.map((l, i) => {
    const tree = treeOf(t.lines[i]?.translated ?? null);
    return { label: l.label, offset: l.line.offset, kind: KIND[l.kind] ?? 'query', ...(tree ? { tree } : {}) };
  });
  const tree = t.ok ? treeOf(t.query) ?? null : null;
  if (!tree && errors.length === 0) errors.push({ message: 'the strategy has no PubMed translation', offset: 0 });
  errors.sort((a, b) => a.offset - b.offset);
  warnings.sort((a, b) => a.offset - b.offset);
  return { tree, errors, warnings, lines };
}
