/**
 * A small RIS reader following the RIS specification (Research Information Systems, RefMan): a tag
 * line is two capitals/digits, two spaces, a hyphen, a space and the value (`TY  - JOUR`); a line
 * that is not a tag line continues the previous value; `TY` opens a reference and `ER` closes it.
 * Read: TI/T1 title; AU/A1 authors (A2 when there are none), "Family, Given[, Suffix]"; PY/Y1/DA
 * year; JF/T2/JO/JA/J2 journal; VL; IS/CP; SP and EP pages; DO DOI; AN as the PMID when the
 * database (DB/DP) is PubMed or MEDLINE; C2 a PMCID; AB/N2 abstract; KW keywords; UR URL; ID key;
 * LA language; L1/L2/L4 (and file:// URLs) attached files.
 */
import { fileURLToPath } from 'node:url';
import type { BibName } from './entry.js';
import { parseName } from './names.js';
import { nfcReference, pmidOf, yearOf, type ReadResult, type Reference } from './reference.js';

const TAG = /^([A-Z][A-Z0-9])  -(?: (.*))?$/;

type Tags = Map<string, string[]>;

function risName(v: string): BibName {
  const parts = v.split(',').map((p) => p.trim());
  if (parts.length >= 2 && parts[0]) return { family: parts[0], given: parts.slice(1).filter(Boolean).join(', ') };
  // RIS writes people "Family, Given": without a comma only "Müller AL" (PubMed's shape) is a person.
  const n = parseName(v);
  return 'family' in n && /^\p{Lu}{1,3}$/u.test(n.given) ? n : { literal: v.trim() };
}

function filePath(v: string): string | null {
  const s = v.trim();
  if (/^file:\/\//i.test(s)) {
    try { return fileURLToPath(s); } catch { return null; }
  }
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? null : s || null;
}

function toReference(t: Tags): Reference {
  const first = (...names: string[]) => {
    for (const n of names) for (const v of t.get(n) ?? []) if (v.trim()) return v.trim();
    return null;
  };
  const all = (...names: string[]) => names.flatMap((n) => t.get(n) ?? []).map((v) => v.trim()).filter(Boolean);
  const ty = first('TY') ?? 'GEN';
  const journal = first('JF', 'T2', 'JO', 'JA', 'J2');
  const sp = first('SP');
  const ep = first('EP');
  const db = `${first('DB') ?? ''} ${first('DP') ?? ''}`;
  const urls = all('UR');
  const files = [...all('L1', 'L2', 'L4'), ...urls.filter((u) => /^file:\/\//i.test(u))].map(filePath).filter((p): p is string => p !== null);
  const authors = all('AU', 'A1');
  return {
    type: /^(JOUR|JFULL|EJOUR|MGZN|NEWS)$/.test(ty) || (journal !== null && ty !== 'CHAP' && ty !== 'CONF') ? 'article' : 'misc',
    key: first('ID'), title: first('TI', 'T1', 'CT'), authors: (authors.length ? authors : all('A2')).map(risName),
    year: yearOf(first('PY', 'Y1', 'DA')), journal, volume: first('VL'), issue: first('IS', 'CP'),
    pages: sp && ep && sp !== ep ? `${sp}-${ep}` : sp, doi: first('DO'),
    pmid: /pubmed|medline/i.test(db) ? pmidOf(first('AN')) : null, pmcid: first('C2')?.startsWith('PMC') ? first('C2') : null,
    url: urls.find((u) => !/^file:\/\//i.test(u)) ?? null, abstract: first('AB', 'N2'), keywords: all('KW'), language: first('LA'), files,
  };
}

export function readRis(text: string): ReadResult {
  const references: Reference[] = [];
  const errors: string[] = [];
  let tags: Tags | null = null;
  let last: string[] | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const m = TAG.exec(line);
    if (!m) {
      if (last && line.trim()) last[last.length - 1] += ` ${line.trim()}`;
      else if (line.trim()) errors.push(`line ${i + 1}: not a RIS tag line outside a reference`);
      return;
    }
    const [, tag, value = ''] = m;
    if (tag === 'TY') {
      if (tags) errors.push(`line ${i + 1}: TY before the previous reference's ER`);
      tags = new Map();
    }
    if (!tags) { errors.push(`line ${i + 1}: ${tag} outside a reference (no TY)`); return; }
    if (tag === 'ER') {
      references.push(toReference(tags));
      tags = null;
      last = null;
      return;
    }
    const list = tags.get(tag!) ?? [];
    list.push(value);
    tags.set(tag!, list);
    last = list;
  });
  if (tags) errors.push('the last reference has no ER line');
  return { references: references.map(nfcReference), errors };
}
