/**
 * One PubMed line → the common tree, through the PubMed parser of ../pubmed/query (built from
 * PubMed Help and NLM's tutorials; see its README): field tags and long names, `:noexp`, `:~N`
 * proximity, date ranges, `#n` history references, curly quotes. Its tree is then mapped:
 * `[mh]`/`[majr]` (with `"X/qualifier"`) → heading, `[sh]` → floating subheading, `[sb]`/`[filter]`
 * → filter, `"a b"[tiab:~N]` → near, other tags → Ovid field codes (fields.ts).
 *
 * A line made only of numbers, labels and operators in any case (`1 or 2`, `#1 AND #2`) is a
 * combination line: its numbers are line references.
 */
import { bool, type Node, type Span } from './ast.js';
import type { Sink } from './diagnostics.js';
import { pubmedCodes, PUBMED_DATE_TAGS } from './fields.js';
import { parseQuery } from '../pubmed/query/parser.js';
import type { Node as PNode } from '../pubmed/query/ast.js';

const FILTER_WORDS = new Set(['hasabstract', 'hasabstract[text]', 'jsubsetaim', 'jsubsetd', 'jsubsetn']);

function digits(d: string): string {
  return d.replace(/\//g, '');
}

function convert(n: PNode, at: Span | null): Node {
  const span = at ?? { offset: n.offset, end: n.end };
  switch (n.type) {
    case 'and':
    case 'or':
    case 'not':
      return bool(n.type, n.children.map((c) => convert(c, at)), span);
    case 'ref':
      return { t: 'ref', label: n.label, ...span };
    case 'range':
      return { t: 'range', field: (pubmedCodes(n.field) ?? ['yr'])[0] as string, from: digits(n.from), to: digits(n.to), ...span };
    case 'term': {
      const field = n.field;
      if (field === null && FILTER_WORDS.has(n.text.toLowerCase()) && !n.quoted) return { t: 'filter', name: n.text.toLowerCase(), tag: '', ...span };
      if (field && /^(mh|majr)(:noexp)?$/.test(field)) {
        const slash = n.text.indexOf('/');
        const text = slash > 0 ? n.text.slice(0, slash) : n.text;
        const subs = slash > 0 ? n.text.slice(slash + 1).split('/').map((x) => x.trim().toLowerCase()).filter(Boolean) : [];
        return { t: 'heading', text: text.trim(), explode: !field.endsWith(':noexp'), major: field.startsWith('majr'), subs, ...span };
      }
      if (field && /^sh(:noexp)?$/.test(field)) return { t: 'sub', name: n.text.toLowerCase(), explode: !field.endsWith(':noexp'), ...span };
      if (field === 'sb' || field === 'filter') return { t: 'filter', name: n.text, tag: field, ...span };
      const codes = field === null ? ['pm:atm'] : (pubmedCodes(field) ?? [`pm:${field}`]);
      if (n.proximity !== undefined) {
        const words = n.text.split(/\s+/).filter(Boolean);
        return { t: 'near', between: n.proximity, kids: words.map((w) => ({ t: 'term', text: w, quoted: false, fields: [...codes], ...span })), ...span };
      }
      if (field && PUBMED_DATE_TAGS.has(field) && /^\d{4}(\/\d{2}){0,2}$/.test(n.text)) {
        return { t: 'range', field: codes[0] as string, from: digits(n.text), to: digits(n.text), ...span };
      }
      return { t: 'term', text: n.text, quoted: n.quoted, ...(n.truncated ? { trunc: {} } : {}), fields: codes, ...span };
    }
  }
}

/** A PubMed query given as a string (e.g. a limit's PubMed form); every node gets `span`. */
export function parsePubmedText(q: string, span: Span): Node | null {
  const r = parseQuery(q);
  return r.tree ? convert(r.tree, span) : null;
}

const COMBINATION = /^[\s()#\d]*(?:(?:and|or|not)[\s()#\d]+)+$/i;

/**
 * Parses a PubMed line; unbalanced parentheses with one reading (a missing `)` at the end, a `)`
 * with no `(`) are repaired on a copy of the same length, with a warning at the place.
 */
export function parsePubmedLine(s: string, from: number, to0: number, sink: Sink): Node | null {
  let to = to0;
  // PubMed's history shows the interface filters after the query: "… Filters: English, from 2010 - 2020"
  const filters = /\s+filters?:\s.*$/i.exec(s.slice(from, to));
  if (filters) {
    sink.warn(from + filters.index + 1, `"${filters[0].trim()}" were PubMed interface filters, not part of the query: left out`, 'add them as tags, e.g. english[la] AND 2010:2020[dp]');
    to = from + filters.index;
  }
  const text = s.slice(from, to);
  const combo = COMBINATION.test(text);
  let src = s;
  let stop = to;
  let r = parseQuery(src, { from, to: stop, lowercaseOperators: combo });
  for (let tries = 0; !r.tree && tries < 3; tries++) {
    const fixable = r.errors.every((e) => /unbalanced parenthesis/.test(e.message));
    if (!fixable) break;
    for (const e of r.errors) {
      if (/never closed/.test(e.message)) {
        sink.warn(e.offset, 'this ( is never closed: closed at the end of the line', 'add the missing ) where the group ends');
        src = `${src.slice(0, stop)})${src.slice(stop)}`;
        stop++;
      } else {
        sink.warn(e.offset, 'this ) has no matching (: ignored', 'remove it, or add the ( where the group starts');
        src = `${src.slice(0, e.offset)} ${src.slice(e.offset + 1)}`;
      }
    }
    r = parseQuery(src, { from, to: stop, lowercaseOperators: combo });
  }
  for (const w of r.warnings) sink.warn(w.offset, w.message, fixFor(w.message));
  if (!r.tree) {
    for (const e of r.errors) sink.error(e.offset, e.message, fixFor(e.message));
    return null;
  }
  const tree = convert(r.tree, null);
  return combo ? numbersToRefs(tree) : tree;
}

function numbersToRefs(n: Node): Node {
  if (n.t === 'term' && /^\d+$/.test(n.text)) return { t: 'ref', label: n.text, offset: n.offset, end: n.end };
  if (n.t === 'bool') return { ...n, kids: n.kids.map(numbersToRefs) };
  return n;
}

/** A suggested fix for each kind of message the PubMed parser gives. */
export function fixFor(message: string): string {
  if (/never closed/.test(message)) return 'add the missing ) where the group ends';
  if (/no matching \(|has no matching/.test(message)) return 'remove the ), or add the ( where the group starts';
  if (/unknown field tag/.test(message)) return 'use a PubMed tag such as [tiab], [mh], [pt], [la], [dp]';
  if (/quote/.test(message)) return 'add the closing " or remove this one';
  if (/no operator|implicit/i.test(message)) return 'put AND, OR or NOT between the terms';
  if (/searched as a word|lowercase/i.test(message)) return 'write the operator in capitals: AND, OR, NOT';
  if (/truncat/i.test(message)) return 'use at least four letters before *';
  if (/no search term|nothing (after|before)|empty/i.test(message)) return 'remove the dangling operator or add the missing term';
  return 'correct the text at this position';
}
