/**
 * Ovid `limit N to …` lines: `limit 5 to english language`, `limit 5 to (english language and
 * humans)`, `limit 5 to (english or french)`, `limit 26 to ed=19400101-20100114`,
 * `limit 3 to yr="1980 -current"`, `limit 4 to last 5 years`, `limit 6 to "therapy (maximizes
 * sensitivity)"`, `limit 7 to "all child (0 to 18 years)"`. Each item becomes a PubMed query from
 * limit-table.ts, parsed into the common tree so both printers can show it; items with no PubMed
 * form are kept (and printed back in Ovid) but dropped from PubMed with their reason.
 */
import type { LimitItem, LimitNode, Node, Span } from './ast.js';
import type { Sink } from './diagnostics.js';
import { CLINICAL, LANGUAGES, limitByName } from './limit-table.js';
import { parsePubmedText } from './pubmed-line.js';

const DATE_FIELDS: Readonly<Record<string, { tag: string; exact: boolean; reason?: string }>> = {
  yr: { tag: 'dp', exact: true },
  ed: { tag: 'edat', exact: false, reason: "Ovid's entry date is close to PubMed's Entrez date [edat]" },
  ez: { tag: 'edat', exact: true },
  dt: { tag: 'crdt', exact: false, reason: "Ovid's date created is close to PubMed's create date [crdt]" },
  dc: { tag: 'dcom', exact: false, reason: "closest PubMed date is the completion date [dcom]" },
  da: { tag: 'crdt', exact: false, reason: "closest PubMed date is the create date [crdt]" },
  up: { tag: 'lr', exact: false, reason: 'closest PubMed date is the modification date [lr]' },
  ep: { tag: 'epdat', exact: true },
};

/** `1980`, `19400101`, `current` → PubMed date `1980`, `1940/01/01`, `3000`. */
export function pubmedDate(d: string): string | null {
  const s = d.trim().toLowerCase();
  if (s === 'current' || s === 'present' || s === 'now') return '3000';
  if (/^\d{4}$/.test(s)) return s;
  if (/^\d{6}$/.test(s)) return `${s.slice(0, 4)}/${s.slice(4, 6)}`;
  if (/^\d{8}$/.test(s)) return `${s.slice(0, 4)}/${s.slice(4, 6)}/${s.slice(6, 8)}`;
  if (/^\d{4}[/-]\d{2}([/-]\d{2})?$/.test(s)) return s.replace(/-/g, '/');
  return null;
}

function split(list: string): { parts: string[]; op: 'and' | 'or' } {
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  let op: 'and' | 'or' = 'and';
  const words = list.split(/(\s+)/);
  for (const w of words) {
    for (const ch of w) {
      if (ch === '"') quote = !quote;
      else if (!quote && ch === '(') depth++;
      else if (!quote && ch === ')') depth--;
    }
    if (!quote && depth === 0 && /^(and|or)$/i.test(w)) {
      op = w.toLowerCase() as 'and' | 'or';
      parts.push(cur.trim());
      cur = '';
      continue;
    }
    cur += w;
  }
  parts.push(cur.trim());
  return { parts: parts.filter(Boolean), op };
}

function unwrap(s: string): string {
  let t = s.trim();
  while (/^\(.*\)$/.test(t) && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
  return t;
}

function balanced(s: string): boolean {
  let d = 0;
  for (const ch of s) { if (ch === '(') d++; if (ch === ')') d--; if (d < 0) return false; }
  return d === 0;
}

function viaPubmed(raw: string, pubmed: string, exactness: LimitItem['exactness'], span: Span, note?: string): LimitItem {
  const node = parsePubmedText(pubmed, span);
  return { raw, node, exactness: node ? exactness : 'dropped', ...(note ? { note } : {}), ...span };
}

function item(raw: string, span: Span): LimitItem {
  const v = raw.replace(/[“”"]/g, '').trim().toLowerCase().replace(/\s+/g, ' ');
  const date = /^([a-z]{2})\s*=\s*(.+)$/.exec(v);
  if (date) {
    const code = date[1] as string;
    const f = DATE_FIELDS[code];
    const range = /^(\d{4,8}|current)\s*(?:-|to|:)\s*(\d{4,8}|current)$/.exec((date[2] as string).trim());
    const single = /^(\d{4,8})$/.exec((date[2] as string).trim());
    if (code === 'lg' || code === 'la') return viaPubmed(raw, `${(date[2] as string).trim()}[la]`, 'exact', span);
    if (code === 'pt') return viaPubmed(raw, `"${(date[2] as string).trim()}"[pt]`, 'exact', span);
    if (f && (range || single)) {
      const from = pubmedDate(range ? range[1] as string : single?.[1] as string);
      const to = pubmedDate(range ? range[2] as string : single?.[1] as string);
      if (from && to) {
        const q = from === to ? `${from}[${f.tag}]` : `${from}:${to}[${f.tag}]`;
        return viaPubmed(raw, q, f.exact ? 'exact' : 'approximate', span, f.reason);
      }
    }
    return { raw, node: null, exactness: 'dropped', note: `limit ${code}= with a value Delve cannot read as a date range`, ...span };
  }
  const last = /^last (\d+) (year|month|day)s?$/.exec(v);
  if (last) return viaPubmed(raw, `"last ${last[1]} ${last[2]}s"[dp]`, 'approximate', span, 'Ovid counts from the publication date of records, PubMed from today');
  const clin = /^(.+?) \((maximizes sensitivity|maximizes specificity|best balance of sensitivity and specificity|sensitivity|specificity|best balance)\)$/.exec(v);
  if (clin && CLINICAL.has(clin[1] as string)) {
    const scope = /sensitiv/.test(clin[2] as string) && !/balance/.test(clin[2] as string) ? 'broad' : 'narrow';
    return viaPubmed(raw, `${CLINICAL.get(clin[1] as string) as string}/${scope}[filter]`, 'approximate', span, `PubMed Clinical Queries ${scope} filter; the Ovid and PubMed hedges are close, not identical`);
  }
  if (clin) return { raw, node: null, exactness: 'dropped', note: `Ovid clinical query "${clin[1]}" has no PubMed Clinical Queries filter`, ...span };
  const def = limitByName(v);
  if (def) {
    if (!def.pubmed) return { raw, node: null, exactness: 'dropped', note: def.reason ?? 'no PubMed form', ...span };
    return viaPubmed(raw, def.pubmed, def.exactness, span, def.reason);
  }
  const lang = v.replace(/ language$/, '');
  if (LANGUAGES.has(lang)) return viaPubmed(raw, `${lang}[la]`, 'exact', span);
  if (/^[a-z][a-z ,'-]+$/.test(v)) {
    return viaPubmed(raw, `"${v}"[pt]`, 'approximate', span, `"${v}" is not in Ovid's documented limit list: searched as a publication type`);
  }
  return { raw, node: null, exactness: 'dropped', note: `"${raw}" is not a limit Delve knows`, ...span };
}

/** Parses `limit N to …` (the text after the line label); null when the line is not a limit line. */
export function parseLimit(s0: string, from: number, to: number, sink: Sink): LimitNode | null | undefined {
  // Ovid's multi-file notes inside a limit line ("[Limit not valid in Embase; records were retained]"): blanked, same length
  const s = s0.slice(0, from) + s0.slice(from, to).replace(/\[[^\]]*\]/g, (m) => ' '.repeat(m.length)) + s0.slice(to);
  if (s !== s0) sink.warn(from + s0.slice(from, to).indexOf('['), 'a note in [ ] inside the limit line is not part of the search: left out', 'remove the note');
  while (to > from && /\s/.test(s[to - 1] as string)) to--;
  const text = s.slice(from, to);
  const m = /^limit\s+#?(\d+)\s+to\s+(.+)$/is.exec(text);
  if (!m) {
    if (/^limit\b/i.test(text)) { sink.error(from, 'a limit line reads "limit N to …"', 'write e.g. limit 5 to english language'); return null; }
    return undefined;
  }
  const label = m[1] as string;
  const listStart = from + text.indexOf(m[2] as string, 6 + label.length);
  const labelAt = text.indexOf(label, 5);
  const list = unwrap(m[2] as string);
  const { parts, op } = split(list);
  const items: LimitItem[] = [];
  let cursor = listStart;
  for (const p of parts) {
    const at = s.indexOf(p, cursor) >= 0 ? s.indexOf(p, cursor) : listStart;
    cursor = at + p.length;
    const inner = unwrap(p);
    const sub = split(inner);
    if (sub.parts.length > 1) {
      const subs = sub.parts.map((q) => item(q, { offset: at, end: at + p.length }));
      const nodes = subs.flatMap((x) => (x.node ? [x.node] : []));
      const worst = subs.some((x) => x.exactness === 'dropped') ? 'approximate' : subs.some((x) => x.exactness === 'approximate') ? 'approximate' : 'exact';
      const node: Node | null = nodes.length ? (nodes.length === 1 ? nodes[0] as Node : { t: 'bool', op: sub.op, kids: nodes, offset: at, end: at + p.length }) : null;
      items.push({ raw: p, node, exactness: node ? worst : 'dropped', ...(subs.some((x) => x.note) ? { note: subs.flatMap((x) => (x.note ? [x.note] : [])).join('; ') } : {}), offset: at, end: at + p.length });
    } else items.push(item(inner, { offset: at, end: at + p.length }));
  }
  if (op === 'or' && items.length > 1) {
    const nodes = items.flatMap((x) => (x.node ? [x.node] : []));
    const worst = items.some((x) => x.exactness !== 'exact') ? 'approximate' : 'exact';
    const merged: LimitItem = { raw: list, node: nodes.length ? { t: 'bool', op: 'or', kids: nodes, offset: listStart, end: to } : null, exactness: nodes.length ? worst : 'dropped', offset: listStart, end: to };
    return { t: 'limit', label, refSpan: { offset: from + labelAt, end: from + labelAt + label.length }, items: [merged], offset: from, end: to };
  }
  return { t: 'limit', label, refSpan: { offset: from + labelAt, end: from + labelAt + label.length }, items, offset: from, end: to };
}
