/**
 * BibTeX export: one @article per record. Values are brace-delimited; LaTeX's special characters
 * are escaped, and literal braces become \textbraceleft{} / \textbraceright{} because BibTeX counts
 * every brace, escaped or not, when it finds where a value ends. The title is wrapped in a second
 * pair of braces so styles keep its capitals (gene names, acronyms). Non-ASCII text is kept as
 * UTF-8 (biber, bibtexu and LaTeX with UTF-8 input read it). Keys are first author + year + first
 * title word, folded to ASCII ("muller2019eradication"), made unique with a, b, c… suffixes.
 */
import type { PubmedAuthor, PubmedRecord } from '../eutils/types.js';
import { meshLabel, oneLine, pubmedUrl } from './export-fields.js';
import { fold } from './names.js';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\textbraceleft{}', '}': '\\textbraceright{}', '&': '\\&', '%': '\\%',
  $: '\\$', '#': '\\#', _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

export function escapeBibtex(s: string): string {
  return oneLine(s).replace(/[\\{}&%$#_~^]/g, (c) => SPECIAL[c] ?? c);
}

function bibAuthor(a: PubmedAuthor): string {
  if ('collective' in a) return `{${escapeBibtex(a.collective)}}`;
  const first = a.fore ?? a.initials;
  // Braces keep a multi-word last name ("van der Berg") or one containing "and" whole.
  const last = /\s/.test(a.last) ? `{${escapeBibtex(a.last)}}` : escapeBibtex(a.last);
  return first ? `${last}, ${escapeBibtex(first)}` : last;
}

const ascii = (s: string) => fold(s.replace(/['’]/g, '')).normalize('NFKD').replace(/[^a-z0-9 ]/g, '');

function baseKey(r: PubmedRecord): string {
  const a = r.authors[0];
  const who = a ? ascii('collective' in a ? a.collective : a.last).split(' ')[0] ?? '' : '';
  const word = ascii(r.title).split(' ').find((w) => w.length > 3) ?? '';
  const key = `${who}${r.year ?? ''}${word}`;
  return who || word ? key : `pmid${r.pmid}`;
}

/** Unique keys for the records, in order. */
export function bibtexKeys(records: readonly PubmedRecord[]): string[] {
  const used = new Set<string>();
  return records.map((r) => {
    const base = baseKey(r);
    let key = base;
    for (let i = 0; used.has(key); i++) key = base + suffix(i);
    used.add(key);
    return key;
  });
}

/** a, b, … z, aa, ab, … */
function suffix(i: number): string {
  return (i >= 26 ? suffix(Math.floor(i / 26) - 1) : '') + String.fromCharCode(97 + (i % 26));
}

export function toBibtex(records: readonly PubmedRecord[]): string {
  const keys = bibtexKeys(records);
  return records.map((r, i) => {
    const fields: [string, string][] = [];
    const add = (name: string, value: string | null | undefined, raw = false) => {
      if (value) fields.push([name, raw ? value : escapeBibtex(value)]);
    };
    if (r.authors.length) fields.push(['author', r.authors.map(bibAuthor).join(' and ')]);
    if (r.title) fields.push(['title', `{${escapeBibtex(r.title)}}`]);
    add('journal', r.journal ?? r.journalAbbrev);
    add('year', r.year === null ? null : String(r.year));
    add('doi', r.doi);
    add('pmid', r.pmid);
    add('pmcid', r.pmcid);
    add('url', pubmedUrl(r));
    add('language', r.language);
    add('abstract', r.abstract);
    add('keywords', [...r.mesh.map(meshLabel), ...r.keywords].join(', '));
    const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
    return `@article{${keys[i]},\n${body}\n}\n`;
  }).join('\n');
}
