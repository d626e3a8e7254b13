/**
 * A whole strategy → its database, and each search line parsed into the common tree with its own
 * diagnostics. Ovid lines: `or/1-5`, `and/3,7`, `limit N to …` (ovid-limits.ts), `remove
 * duplicates from N`, otherwise a search (ovid-parser.ts). PubMed lines: pubmed-line.ts.
 */
import type { Node } from './ast.js';
import { Sink, type Diagnostic } from './diagnostics.js';
import { detectDatabase, whatIsNeeded, type Database } from './detect.js';
import { splitStrategy, type SearchLine } from './lines.js';
import { parseLimit } from './ovid-limits.js';
import { parseOvidLine } from './ovid-parser.js';
import { parsePubmedLine } from './pubmed-line.js';
import { checkRefs } from './refs.js';

export interface ParsedLine {
  /** 1-based position among the search lines. */
  n: number;
  label: string;
  line: SearchLine;
  node: Node | null;
  kind: 'search' | 'combination' | 'limit' | 'dedupe';
  diagnostics: Diagnostic[];
}

export interface ParsedStrategy {
  text: string;
  database: Database;
  dialect: 'ovid' | 'pubmed' | null;
  signals: string[];
  lines: ParsedLine[];
  /** Diagnostics not about one line (e.g. an unsupported database). */
  diagnostics: Diagnostic[];
  skipped: Array<{ physical: number; text: string }>;
}

export interface ParseOptions { from?: 'ovid' | 'pubmed' }

/** The input with everything outside the line's parts blanked, so offsets stay those of the input. */
function view(input: string, l: SearchLine): { s: string; from: number; to: number } {
  if (l.parts.length === 0) return { s: input, from: l.offset, to: l.end };
  const last = l.parts[l.parts.length - 1] as [number, number];
  const keep = [[l.offset, l.end] as [number, number], ...l.parts];
  let region = '';
  for (let i = l.offset; i < last[1]; i++) region += keep.some(([a, b]) => i >= a && i < b) ? input[i] : ' ';
  return { s: input.slice(0, l.offset) + region + input.slice(last[1]), from: l.offset, to: last[1] };
}

function expandList(list: string): string[] | null {
  const out: string[] = [];
  for (const part of list.split(/\s*,\s*/)) {
    const m = /^(\d+)(?:\s*[-\u2013\u2014]\s*(\d+))?$/.exec(part.trim());
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || b - a > 5000) return null;
    for (let k = a; k <= b; k++) out.push(String(k));
  }
  return out;
}

function ovidLine(s: string, from: number, to: number, sink: Sink): { node: Node | null; kind: ParsedLine['kind'] } {
  const text = s.slice(from, to);
  const set = /^(or|and)\s*\/\s*([\d\s,\-\u2013\u2014]+)$/i.exec(text);
  if (set) {
    const labels = expandList((set[2] as string).trim().replace(/,$/, ''));
    if (!labels) { sink.error(from, 'not a list of line numbers like or/1-5,7', 'write the line numbers as 1-5 or 1,3,7'); return { node: null, kind: 'combination' }; }
    const op = (set[1] as string).toLowerCase() as 'or' | 'and';
    const refs: Node[] = labels.map((label) => ({ t: 'ref', label, offset: from, end: to }));
    return { node: refs.length === 1 ? refs[0] as Node : { t: 'bool', op, kids: refs, offset: from, end: to }, kind: 'combination' };
  }
  const dedupe = /^remove duplicates from\s+#?(\d+)$/i.exec(text);
  if (dedupe) return { node: { t: 'ref', label: dedupe[1] as string, offset: from + text.lastIndexOf(dedupe[1] as string), end: to }, kind: 'dedupe' };
  const limit = parseLimit(s, from, to, sink);
  if (limit !== undefined) return { node: limit, kind: 'limit' };
  const node = parseOvidLine(s, from, to, sink);
  const onlyRefs = node !== null && isRefsOnly(node);
  return { node, kind: onlyRefs ? 'combination' : 'search' };
}

function isRefsOnly(n: Node): boolean {
  return n.t === 'ref' || (n.t === 'bool' && n.kids.every(isRefsOnly));
}

export function parseStrategy(text: string, opts: ParseOptions = {}): ParsedStrategy {
  const split = splitStrategy(text);
  const header = split.skipped.map((k) => k.text).join('\n');
  const det = detectDatabase(text, header);
  const dialect = opts.from ?? det.dialect;
  const database: Database = opts.from === 'pubmed' ? 'pubmed' : opts.from === 'ovid' && det.dialect !== 'ovid' ? 'ovid-medline' : det.database;
  const global = new Sink(text);
  const out: ParsedStrategy = { text, database, dialect, signals: det.signals, lines: [], diagnostics: global.items, skipped: split.skipped.map(({ physical, text: t }) => ({ physical, text: t })) };
  if (dialect === null) {
    global.error(0, `written for ${database}, not Ovid MEDLINE or PubMed`, whatIsNeeded(database));
    return out;
  }
  if (split.lines.length === 0) {
    global.error(0, 'no search lines found', 'paste the strategy, one search per line');
    return out;
  }
  const labels = new Map<string, number>();
  split.lines.forEach((l, i) => {
    if (labels.has(l.label)) global.warn(l.offset, `two lines are numbered ${l.label}: references use the first`, 'renumber the lines');
    else labels.set(l.label, i);
  });
  split.lines.forEach((l, i) => {
    const sink = new Sink(text);
    const v = view(text, l);
    let kind: ParsedLine['kind'] = 'search';
    let node: Node | null;
    if (dialect === 'ovid') ({ node, kind } = ovidLine(v.s, v.from, v.to, sink));
    else {
      node = parsePubmedLine(v.s, v.from, v.to, sink);
      if (node && isRefsOnly(node)) kind = 'combination';
    }
    if (sink.items.some((d) => d.severity === 'error')) node = null;
    if (node) node = checkRefs(node, i, l.label, labels, sink);
    if (node && database === 'ovid-embase') {
      for (const h of headings(node)) sink.warn(h.offset, `"${h.text}" is an Emtree heading (Embase), not necessarily a MeSH heading`, 'check the MeSH heading for this concept before running it in MEDLINE or PubMed');
    }
    out.lines.push({ n: i + 1, label: l.label, line: l, node, kind, diagnostics: sink.items });
  });
  return out;
}

function headings(n: Node): Array<{ text: string; offset: number }> {
  if (n.t === 'heading') return [{ text: n.text, offset: n.offset }];
  if (n.t === 'bool' || n.t === 'near') return n.kids.flatMap(headings);
  if (n.t === 'freq') return headings(n.kid);
  return [];
}

