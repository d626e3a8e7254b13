/**
 * BibTeX and RIS of the documents a collection cites. BibTeX escaping is the PubMed exporter's
 * (LaTeX specials escaped, literal braces as \textbraceleft{} / \textbraceright{}, the title in a
 * second pair of braces, UTF-8 kept); a name without a comma (a collective author) is braced whole,
 * and so is a last name with spaces. RIS values are put on one line; pages "a-b" become SP/EP, other pages stay whole in SP.
 */
import { escapeBibtex } from '../pubmed/library/bibtex.js';
import { oneLine } from '../pubmed/library/export-fields.js';
import type { CitedDoc } from './cite.js';

function bibName(name: string, collective: readonly string[]): string {
  const comma = name.indexOf(',');
  if (comma < 0 || collective.includes(name)) return `{${escapeBibtex(name)}}`;
  const last = name.slice(0, comma).trim();
  const first = name.slice(comma + 1).trim();
  const l = /\s|\band\b/i.test(last) ? `{${escapeBibtex(last)}}` : escapeBibtex(last);
  return first ? `${l}, ${escapeBibtex(first)}` : l;
}

export function docsToBibtex(docs: readonly CitedDoc[]): string {
  return docs.map((d) => {
    const fields: [string, string][] = [];
    const add = (name: string, v: string | null) => { if (v) fields.push([name, escapeBibtex(v)]); };
    if (d.authors.length) fields.push(['author', d.authors.map((a) => bibName(a, d.collective)).join(' and ')]);
    if (d.title) fields.push(['title', `{${escapeBibtex(d.title)}}`]);
    add('journal', d.journal);
    add('year', d.year === null ? null : String(d.year));
    add('volume', d.volume);
    add('number', d.issue);
    add('pages', d.pages);
    add('doi', d.doi);
    add('url', d.url);
    add('abstract', d.abstract);
    const type = d.journal ? 'article' : 'misc';
    return `@${type}{${d.key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
  }).join('\n');
}

const EOL = '\r\n';

export function docsToRis(docs: readonly CitedDoc[]): string {
  return docs.map((d) => {
    const lines: string[] = [];
    const tag = (t: string, v: string | number | null) => {
      const value = v === null ? '' : oneLine(String(v));
      if (value !== '') lines.push(`${t}  - ${value}`);
    };
    tag('TY', d.journal ? 'JOUR' : 'GEN');
    tag('ID', d.key);
    tag('TI', d.title);
    for (const a of d.authors) tag('AU', a);
    tag('PY', d.year);
    tag('T2', d.journal);
    tag('VL', d.volume);
    tag('IS', d.issue);
    const range = d.pages ? /^([^-\s]+)-([^-\s]+)$/.exec(d.pages.trim()) : null;
    if (range) { tag('SP', range[1]!); tag('EP', range[2]!); } else tag('SP', d.pages);
    tag('DO', d.doi);
    tag('UR', d.url);
    tag('AB', d.abstract);
    lines.push('ER  - ');
    return lines.join(EOL) + EOL;
  }).join(EOL);
}
