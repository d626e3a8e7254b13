/**
 * Ovid MEDLINE search strategies (28 of the 30 CLEF TAR 2017 test topics): one search per line,
 * lines numbered 1, 2, 3… in order (an explicit `12.` or `12 ` before a line is accepted when it is
 * the line's own number), combined with `17 and 34`, `or/1-16`, `and/17,34,88`, `or/47,52-54` and
 * `limit 27 to humans`. Each line is translated to PubMed (ovid-translate.ts) and the last line,
 * its references resolved, is the search.
 *
 * `limit N to humans` becomes `#N AND humans[mh]` and `limit N to english language` `#N AND
 * english[la]` (what PubMed's Humans and English filters search); other limits are reported as
 * errors, not guessed.
 */
import { andOf, orOf, type Node, type QueryIssue } from './ast.js';
import { resolveTag } from './fields.js';
import { lex } from './lexer.js';
import { expandSetList, type Line } from './lines.js';
import { contentEnd } from './ovid-lexer.js';
import { parseOvidLine } from './ovid-parser.js';
import { translate } from './ovid-translate.js';
import { resolveStrategy, type ResolvedLine } from './resolve.js';
import type { StrategyLine, StrategyOutput } from './strategy.js';

const MARKERS = [
  /\/\s*$/,
  /\/[a-z]{2}(?:,\s?[a-z]{2})*\s*(?:\[[^\]]*\])?\s*$/,
  /\.[a-z]{2}(?:,[a-z]{2})*\.?\s*(?:\[[^\]]*\])?\s*$/i,
  /^(?:or|and)\/\s*\d/i,
  /\badj\d*\b/i,
  /^limit\s+\d+\s+to\b/i,
];

/** Ovid syntax on some line, and no PubMed field tag on any. */
export function looksOvid(input: string, lines: readonly Line[]): boolean {
  const pubmedTag = lines.some((l) =>
    lex(input, { from: l.offset, to: l.end }).tokens.some((t) => t.kind === 'tag' && resolveTag(t.inside).ok));
  return !pubmedTag && lines.some((l) => MARKERS.some((re) => re.test(l.text)));
}

const LIMITS: Readonly<Record<string, { text: string; field: string }>> = {
  humans: { text: 'humans', field: 'mh' },
  'english language': { text: 'english', field: 'la' },
  english: { text: 'english', field: 'la' },
};

function ref(label: string, at: number, end: number): Node {
  return { type: 'ref', label, offset: at, end };
}

function combinationLine(text: string, at: number, end: number, errors: QueryIssue[]): Node | null | undefined {
  const set = /^(or|and)\/\s*(.+)$/i.exec(text);
  if (set) {
    const labels = expandSetList(set[2] as string);
    if (!labels) { errors.push({ message: 'not a list of line numbers like 1-5,7', offset: at }); return null; }
    const refs = labels.map((l) => ref(l, at, end));
    return (set[1] as string).toLowerCase() === 'or' ? orOf(refs) : andOf(refs);
  }
  const limit = /^limit\s+(\d+)\s+to\s+(.+)$/i.exec(text);
  if (limit) {
    const parts = (limit[2] as string).replace(/^\(|\)$/g, '').toLowerCase().split(/\s+and\s+/);
    const terms: Node[] = [];
    for (const p of parts) {
      const l = LIMITS[p.trim()];
      if (!l) { errors.push({ message: `Ovid limit "${p.trim()}" has no PubMed translation here`, offset: at }); return null; }
      terms.push({ type: 'term', text: l.text, quoted: false, truncated: false, field: l.field, offset: at, end });
    }
    return andOf([ref(limit[1] as string, at, end), ...terms]);
  }
  return undefined;
}

export function parseOvidStrategy(input: string, lines: readonly Line[]): StrategyOutput {
  const errors: QueryIssue[] = [];
  const warnings: QueryIssue[] = [];
  const content: ResolvedLine[] = [];
  const out: StrategyLine[] = [];
  for (const line of lines) {
    const label = String(line.index + 1);
    let from = line.offset;
    const own = /^(\d+)\.?\s+/.exec(line.text);
    if (own && own[1] === label && !/^(and|or|not)\b/i.test(line.text.slice(own[0].length))) from += own[0].length;
    const to = contentEnd(input, from, line.end);
    const text = input.slice(from, to);
    let tree = combinationLine(text, from, to, errors);
    const kind = tree === undefined ? 'query' : 'combination';
    if (tree === undefined) {
      const parsed = parseOvidLine(input, from, to);
      errors.push(...parsed.errors);
      warnings.push(...parsed.warnings);
      const sink = { errors: [] as QueryIssue[], warnings };
      tree = parsed.tree ? translate(parsed.tree, null, sink) : null;
      errors.push(...sink.errors);
      if (sink.errors.length) tree = null;
    }
    content.push({ label, position: line.index, tree });
    out.push({ label, offset: line.offset, kind, ...(tree ? { tree } : {}) });
  }
  const tree = resolveStrategy(content, lines.map((l) => l.offset), errors, warnings);
  return { tree, errors, warnings, lines: out };
}
