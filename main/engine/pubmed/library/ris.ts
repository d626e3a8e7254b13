/**
 * RIS (Research Information Systems) export: one `TY  - JOUR` … `ER  - ` block per record, tags
 * as RefMan defines them ("XX  - value", CRLF line ends). RIS has no escaping, so every value is
 * put on one line (an abstract's new lines become spaces) and empty values are left out.
 */
import type { PubmedAuthor, PubmedRecord } from '../eutils/types.js';
import { meshLabel, oneLine, pubmedUrl } from './export-fields.js';

const EOL = '\r\n';

function risAuthor(a: PubmedAuthor): string {
  if ('collective' in a) return a.collective;
  const first = a.fore ?? a.initials;
  return first ? `${a.last}, ${first}` : a.last;
}

export function toRis(records: readonly PubmedRecord[]): string {
  return records.map((r) => {
    const lines: string[] = [];
    const tag = (t: string, v: string | number | null | undefined) => {
      const value = v === null || v === undefined ? '' : oneLine(String(v));
      if (value !== '') lines.push(`${t}  - ${value}`);
    };
    lines.push('TY  - JOUR');
    tag('TI', r.title);
    for (const a of r.authors) tag('AU', risAuthor(a));
    tag('PY', r.year);
    tag('T2', r.journal);
    tag('J2', r.journalAbbrev);
    tag('AB', r.abstract);
    tag('DO', r.doi);
    tag('AN', r.pmid);
    tag('UR', pubmedUrl(r));
    tag('LA', r.language);
    for (const t of r.publicationTypes) tag('M3', t);
    for (const h of r.mesh) tag('KW', meshLabel(h));
    for (const k of r.keywords) tag('KW', k);
    lines.push('ER  - ');
    return lines.join(EOL) + EOL;
  }).join(EOL);
}
