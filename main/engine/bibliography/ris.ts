/**
 * RIS writer: one `TY  - …` … `ER  - ` block per entry, tags as RefMan's specification defines
 * them ("XX  - value", CRLF line ends). RIS has no escaping, so every value is put on one line (an
 * abstract's new lines become spaces) and empty values are left out. A journal article is TY JOUR
 * with T2 (journal), VL, IS, SP/EP ("a-b" pages split, other pages whole in SP); a trial record is
 * TY GEN with DB (the registry), AN (its id) and UR; anything else TY GEN. AN holds a PubMed
 * record's PMID. ID is the same citation key as in the BibTeX export.
 */
import { citationKeys } from './citekey.js';
import { oneLine, type BibEntry } from './entry.js';
import { nameText } from './names.js';

const EOL = '\r\n';

export function risEntry(e: BibEntry, key: string): string {
  const lines: string[] = [];
  const tag = (t: string, v: string | number | null | undefined) => {
    const value = v === null || v === undefined ? '' : oneLine(String(v));
    if (value !== '') lines.push(`${t}  - ${value}`);
  };
  tag('TY', e.type === 'article' ? 'JOUR' : 'GEN');
  tag('ID', key);
  tag('TI', e.title);
  for (const a of e.authors) tag('AU', nameText(a));
  tag('PY', e.year);
  tag('T2', e.journal);
  tag('VL', e.volume);
  tag('IS', e.issue);
  const range = e.pages ? /^([^-\s]+)\s*[-–]+\s*([^-\s]+)$/.exec(e.pages.trim()) : null;
  if (range) { tag('SP', range[1]!); tag('EP', range[2]!); } else tag('SP', e.pages);
  if (e.type === 'trial' && e.registry) { tag('DB', e.registry.name); tag('AN', e.registry.id); }
  tag('DO', e.doi);
  if (e.pmid) tag('AN', e.pmid);
  tag('UR', e.url);
  tag('AB', e.abstract);
  tag('LA', e.language);
  for (const k of e.keywords ?? []) tag('KW', k);
  lines.push('ER  - ');
  return lines.join(EOL) + EOL;
}

export function toRis(entries: readonly BibEntry[], keys: readonly string[] = citationKeys(entries)): string {
  return entries.map((e, i) => risEntry(e, keys[i]!)).join(EOL);
}
