/**
 * Translates an Ovid MEDLINE line tree into a PubMed tree, saying (as warnings) where PubMed cannot
 * say the same thing:
 *   `exp X/` → "X"[mh]; `X/` → "X"[mh:noexp]; `*X/` → [majr…]; `X/di, pa` → "X/diagnosis"[mh:noexp]
 *   OR "X/pathology"[mh:noexp] (PubMed's heading/subheading form); `.fs.` abbreviations → full
 *   subheading names in [sh].
 *   `$` (and `$N`) → `*`; `?` (optional character) has no PubMed equivalent and is kept as typed.
 *   Words with no quotes but several words are quoted: Ovid searches them as an adjacent phrase.
 *   `a adjN b` → `"a b"[tiab:~(N-1)]` (Ovid adjN = at most N-1 words between, any order; PubMed
 *   ~N = at most N words between) when both sides are plain words in [ti]/[tiab]/[ad]; plain `adj`
 *   → the quoted phrase. Otherwise (groups, truncation, other fields: PubMed proximity takes only
 *   quoted words) it becomes AND, which finds more, with a warning.
 */
import { andOf, combine, orOf, type Node, type QueryIssue, type TermNode } from './ast.js';
import { allowsProximity, isDateField } from './fields.js';
import { ovidFieldTags, subheadingName } from './ovid-fields.js';
import type { OvidNode } from './ovid-parser.js';
import { bareSafe } from './printer.js';

type Sink = { errors: QueryIssue[]; warnings: QueryIssue[] };

function makeTerm(raw: string, quoted: boolean, field: string, at: { offset: number; end: number }, sink: Sink): TermNode {
  let text = raw;
  if (/\$\d/.test(text)) sink.warnings.push({ message: 'Ovid limited truncation $N has no PubMed equivalent: translated as *', offset: at.offset });
  text = text.replace(/\$\d*/g, '*');
  if (text.includes('?')) sink.warnings.push({ message: 'Ovid wildcard ? has no PubMed equivalent: kept as typed', offset: at.offset });
  let truncated = false;
  if (text.endsWith('*')) {
    truncated = true;
    text = text.slice(0, -1).trimEnd();
  }
  if (text.trim() === '') sink.errors.push({ message: 'a search word is missing here', offset: at.offset });
  if (isDateField(field)) truncated = false; // a PubMed date matches every date it starts
  if (field === 'sh' && subheadingName(text)) {
    text = subheadingName(text) as string;
    quoted = true;
  }
  return { type: 'term', text, quoted: quoted || /\s/.test(text) || !bareSafe(text), truncated, field, offset: at.offset, end: at.end };
}

function plainWords(n: OvidNode): n is Extract<OvidNode, { k: 'term' }> {
  return n.k === 'term' && !/[$*?]/.test(n.text);
}

function adjacency(n: Extract<OvidNode, { k: 'adj' }>, inherited: string[] | null, sink: Sink): Node {
  const parts: OvidNode[] = [];
  const collect = (x: OvidNode) => {
    if (x.k === 'adj' && x.n === n.n) { collect(x.left); collect(x.right); } else parts.push(x);
  };
  collect(n);
  const tagsOf = (x: OvidNode) => (x.k === 'term' ? fieldTagsFor(x.fields ?? inherited, x.offset, sink) : null);
  const tags = parts.map(tagsOf);
  const tag = tags[0]?.length === 1 ? tags[0][0] : undefined;
  const same = tag !== undefined && tags.every((t) => t?.length === 1 && t[0] === tag);
  if (same && allowsProximity(tag) && parts.every(plainWords)) {
    const text = parts.map((p) => (p as { text: string }).text).join(' ');
    const term: TermNode = { type: 'term', text, quoted: true, truncated: false, field: tag, offset: n.offset, end: n.end };
    if (n.n !== null) term.proximity = Math.max(n.n - 1, 0);
    return term;
  }
  const name = n.n === null ? 'adj' : `adj${n.n}`;
  sink.warnings.push({ message: `Ovid ${name} has no PubMed equivalent here (PubMed proximity takes plain quoted words in [ti], [tiab] or [ad]): translated as AND, which finds more`, offset: n.at });
  return andOf(parts.map((p) => translate(p, inherited, sink)));
}

function fieldTagsFor(codes: string[] | null, offset: number, sink: Sink): string[] {
  const r = ovidFieldTags(codes ?? ['mp']);
  if ('unknown' in r) {
    sink.errors.push({ message: `unknown Ovid field code .${r.unknown}.`, offset });
    return [];
  }
  return r.tags;
}

export function translate(n: OvidNode, inherited: string[] | null, sink: Sink): Node {
  const span = { offset: n.offset, end: n.end };
  switch (n.k) {
    case 'bool':
      return combine(n.op, translate(n.left, inherited, sink), translate(n.right, inherited, sink));
    case 'group':
      return translate(n.child, n.fields ?? inherited, sink);
    case 'adj':
      return adjacency(n, inherited, sink);
    case 'ref':
      return { type: 'ref', label: n.label, ...span };
    case 'term': {
      const tags = fieldTagsFor(n.fields ?? inherited, n.offset, sink);
      return orOf(tags.map((tag) => makeTerm(n.text, n.quoted, tag, span, sink)));
    }
    case 'mesh': {
      const field = `${n.major ? 'majr' : 'mh'}${n.exploded ? '' : ':noexp'}`;
      const heading = (sub: string | null): TermNode =>
        ({ type: 'term', text: sub ? `${n.heading}/${sub}` : n.heading, quoted: true, truncated: false, field, ...span });
      if (n.subs.length === 0) return heading(null);
      return orOf(n.subs.map((s) => heading(subheadingName(s) ?? s)));
    }
  }
}
