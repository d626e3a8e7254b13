/**
 * One leaf of an offline PubMed query (a term or a date range) → the documents it matches, by field:
 * text words and [ti] on the FTS5 indexes (text.ts), the rest on the PubMed tables (fields.ts). What
 * PubMed does differently is reported through `report`: `note` once per query for a whole tag,
 * `nothing` for a term that cannot be searched (it then matches nothing).
 */
import type { RangeNode, TermNode } from '../query/ast.js';
import { FieldIndex } from './fields.js';
import { TextIndex, wordsOf, type TextScope } from './text.js';
import type { Db } from '../../store/db.js';

export const NOTES = {
  atm: "PubMed's automatic term mapping (MeSH + synonyms) is not applied offline: untagged terms are searched as text words and exact MeSH headings",
  mh: '[mh] explodes to narrower headings online; offline only the heading itself matches',
  majr: '[majr] explodes to narrower headings online; offline only the heading itself matches (as a major topic)',
  sh: '[sh] includes narrower subheadings online; offline only the subheading itself matches',
  all: 'All Fields online (authors, journal, affiliations…); offline only the text (title included) and exact MeSH headings',
  ab: '[ab] offline also searches the title, which is part of a record\'s text',
  noWords: 'the term has no letters or digits to search for: it matches nothing',
};

const TEXT_FIELDS = new Set(['tiab', 'tw', 'ab', 'all']);
const YEAR_FIELDS = new Set(['dp', 'pdat']);
const DATE_FIELDS = new Set(['edat', 'mhda', 'crdt', 'dcom', 'lr', 'epdat', 'ppdat']);

export interface Report {
  note(key: string, n: TermNode | RangeNode, why: string): void;
  nothing(n: TermNode | RangeNode, why: string): Set<number>;
}

export class Leaves {
  private readonly text: TextIndex;
  private readonly fields: FieldIndex;
  constructor(db: Db, private readonly report: Report) {
    this.text = new TextIndex(db);
    this.fields = new FieldIndex(db);
  }

  private textLeaf(t: TermNode, scope: TextScope): Set<number> {
    const words = wordsOf(t.text);
    if (t.proximity !== undefined) return this.text.near(scope, words, t.proximity, t.truncated);
    return t.truncated ? this.text.prefix(scope, words) : this.text.phrase(scope, words, t.quoted);
  }

  /** Text words, and an exact MeSH heading ([tw], [all], untagged). */
  private textOrMesh(t: TermNode): Set<number> {
    const out = this.textLeaf(t, 'text');
    for (const id of this.fields.mesh(t.text, { major: false, truncated: t.truncated })) out.add(id);
    return out;
  }

  range(n: RangeNode): Set<number> {
    return this.years(n, n.from, n.to);
  }

  private years(n: TermNode | RangeNode, from: string, to: string): Set<number> {
    const a = /^\d{4}/.exec(from.trim());
    const b = /^\d{4}/.exec(to.trim());
    if (!a || !b) return this.report.nothing(n, 'offline only the publication year is known, and this is not a year');
    const field = (n.field ?? '').replace(/:noexp$/, '');
    if (DATE_FIELDS.has(field)) this.report.note(`date:${field}`, n, `[${field}] is not stored offline: the publication year is searched instead`);
    else if (/\//.test(from + to)) this.report.note('date:month', n, 'offline only the publication year is known: months and days are ignored');
    return this.fields.years(Number(a[0]), Number(b[0]));
  }

  term(t: TermNode): Set<number> {
    const { note, nothing } = this.report;
    const f = this.fields;
    const field = t.field ?? 'untagged';
    const base = field.replace(/:noexp$/, '');
    const noexp = field.endsWith(':noexp');
    if (YEAR_FIELDS.has(base) || DATE_FIELDS.has(base)) return this.years(t, t.text, t.text);
    const isText = field === 'untagged' || TEXT_FIELDS.has(base) || base === 'ti';
    if (isText && wordsOf(t.text).length === 0) return nothing(t, NOTES.noWords);
    switch (base) {
      case 'untagged':
        // A quoted phrase is not mapped by PubMed either: it is searched in All Fields.
        if (t.quoted) note('all', t, NOTES.all);
        else note('atm', t, NOTES.atm);
        return this.textOrMesh(t);
      case 'all':
        note('all', t, NOTES.all);
        return this.textOrMesh(t);
      case 'tw': return this.textOrMesh(t);
      case 'ab':
        note('ab', t, NOTES.ab);
        return this.textLeaf(t, 'text');
      case 'tiab': return this.textLeaf(t, 'text');
      case 'ti': return this.textLeaf(t, 'title');
      case 'mh':
      case 'majr':
        if (!noexp) note(base, t, NOTES[base]);
        return f.mesh(t.text, { major: base === 'majr', truncated: t.truncated });
      case 'sh':
        if (!noexp) note('sh', t, NOTES.sh);
        return f.subheading(t.text, false);
      case 'pt': return f.publicationType(t.text);
      case 'la': return f.language(t.text);
      case 'ta': return f.journal(t.text);
      case 'pmid': return f.pmid(t.text);
      case 'au':
      case 'fau': return f.author(t.text, 'any');
      case '1au': return f.author(t.text, 'first');
      case 'lastau': return f.author(t.text, 'last');
      default: return nothing(t, `[${base}] is not stored offline: the term matches nothing`);
    }
  }
}
