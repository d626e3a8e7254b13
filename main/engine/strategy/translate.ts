/**
 * Translation of a whole strategy, line by line, into PubMed or Ovid MEDLINE syntax:
 *   { ok, database, from, to, lines: [{ n, label, source, translated, notes, errors }], query, diagnostics }
 * `query` is, for PubMed, the last line with every reference replaced by the line it names (one
 * query to paste into PubMed); for Ovid, the numbered strategy. Lines keep their order; references
 * are renumbered 1, 2, 3… when the source's labels are not (with a note).
 */
import type { Node } from './ast.js';
import type { Diagnostic, Note } from './diagnostics.js';
import type { Database } from './detect.js';
import { LIMITS } from './limit-table.js';
import { printOvid } from './print-ovid.js';
import { printPubmed } from './print-pubmed.js';
import { refsOf, renumber, resolve } from './refs.js';
import { parseStrategy, type ParsedStrategy } from './strategy.js';

export type Syntax = 'pubmed' | 'ovid';

export interface TranslatedLine {
  n: number;
  label: string;
  source: string;
  translated: string | null;
  notes: Note[];
  errors: Diagnostic[];
}

export interface Translation {
  ok: boolean;
  database: Database;
  from: Syntax | null;
  to: Syntax;
  lines: TranslatedLine[];
  query: string | null;
  diagnostics: Diagnostic[];
}

const REVERSE = new Map<string, string>();
const plain = (q: string): string => q.replace(/"/g, '').toLowerCase();
for (const d of LIMITS) if (d.pubmed && !d.pubmed.includes(' range') && !REVERSE.has(plain(d.pubmed))) REVERSE.set(plain(d.pubmed), d.names[0] as string);

const DATE_LIMIT: Readonly<Record<string, string>> = { yr: 'yr', ez: 'ed', ed: 'ed', dt: 'dt', dc: 'dc', up: 'up', ep: 'ep' };

/** A PubMed line `#5 AND english[la] AND humans[mh]` as an Ovid limit line, when every part is a limit. */
function asLimit(n: Node): Node | null {
  if (n.t !== 'bool' || n.op !== 'and' || n.kids[0]?.t !== 'ref' || n.kids.length < 2) return null;
  const items: string[] = [];
  for (const k of n.kids.slice(1)) {
    if (k.t === 'range' && DATE_LIMIT[k.field]) {
      const to = k.to === '3000' ? 'current' : k.to;
      items.push(k.field === 'yr' ? `yr="${k.from}${k.from === to ? '' : ` - ${to}`}"` : `${DATE_LIMIT[k.field]}=${k.from}-${to}`);
      continue;
    }
    const name = REVERSE.get(plain(printPubmed(k)));
    if (!name) return null;
    items.push(/\s|\(/.test(name) && !/^english language$/.test(name) ? `"${name}"` : name);
  }
  return { t: 'limit', label: n.kids[0].label, refSpan: n.kids[0], items: items.map((raw) => ({ raw, node: null, exactness: 'exact', offset: n.offset, end: n.end })), offset: n.offset, end: n.end };
}

export function translateParsed(p: ParsedStrategy, to: Syntax): Translation {
  const map = new Map<string, string>();
  p.lines.forEach((l) => map.set(l.label, String(l.n)));
  const renumbered = p.lines.some((l) => l.label !== String(l.n));
  const lines: TranslatedLine[] = [];
  const resolved = new Map<string, Node>();
  for (const l of p.lines) {
    const notes: Note[] = [];
    let translated: string | null = null;
    if (l.node) {
      let node = renumbered ? renumber(l.node, map) : l.node;
      if (to === 'ovid' && p.dialect === 'pubmed') node = asLimit(node) ?? node;
      translated = to === 'pubmed' ? printPubmed(node, { notes, src: p.text }) : printOvid(node, { notes, src: p.text });
      if (l.kind === 'dedupe') notes.push({ element: 'remove duplicates', exactness: 'dropped', becomes: translated, reason: 'one database has no duplicates to remove: the line is the line it names' });
      if (renumbered && l.label !== String(l.n)) notes.push({ element: `line ${l.label}`, exactness: 'exact', becomes: `line ${l.n}`, reason: 'lines renumbered 1, 2, 3… in order' });
      resolved.set(String(l.n), resolve(node, resolved));
    }
    for (const c of l.line.cleaned) notes.push({ element: c.replace(/ removed$| joined.*$/, ''), exactness: 'dropped', becomes: '', reason: c });
    lines.push({ n: l.n, label: l.label, source: l.line.source, translated, notes, errors: l.diagnostics });
  }
  warnUnused(p, lines);
  const errors = p.diagnostics.some((d) => d.severity === 'error') || lines.some((l) => l.errors.some((d) => d.severity === 'error') || l.translated === null);
  let query: string | null = null;
  const last = p.lines[p.lines.length - 1];
  if (!errors && last) {
    if (to === 'pubmed') {
      const final = resolved.get(String(last.n));
      query = final ? printPubmed(final) : null;
    } else query = lines.map((l) => `${l.n}. ${l.translated ?? ''}`).join('\n');
  }
  return { ok: !errors && query !== null, database: p.database, from: p.dialect, to, lines, query, diagnostics: p.diagnostics };
}

export function translateStrategy(text: string, to: Syntax, from?: Syntax): Translation {
  return translateParsed(parseStrategy(text, from ? { from } : {}), to);
}


/** Lines the last line does not use, directly or through others: a warning each (often a missing combination line). */
function warnUnused(p: ParsedStrategy, lines: TranslatedLine[]): void {
  const byLabel = new Map(p.lines.map((l) => [l.label, l]));
  const used = new Set<string>();
  const visit = (label: string) => {
    if (used.has(label)) return;
    used.add(label);
    const l = byLabel.get(label);
    if (l?.node) for (const r of refsOf(l.node)) visit(r);
  };
  const last = p.lines[p.lines.length - 1];
  if (!last) return;
  visit(last.label);
  p.lines.forEach((l, i) => {
    if (used.has(l.label)) return;
    lines[i]?.errors.push({ line: l.line.physical, offset: l.line.offset, message: `line ${l.label} is not used by the final search (the last line)`, fix: 'combine it in a later line, or remove it', severity: 'warning' });
  });
}
