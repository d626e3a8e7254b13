/**
 * MEDLINE qualifier (subheading) abbreviations, as Ovid writes them after a heading (`X/dt`) or in
 * `.fs.`, with the full names PubMed uses in `"X/drug therapy"[mh]` and `[sh]` (NLM, "Qualifiers -
 * Abbreviations", nlm.nih.gov/mesh/subhierarchy; the same table is in
 * ../pubmed/query/ovid-fields.ts, reused here).
 */
import { subheadingName as nameOf } from '../pubmed/query/ovid-fields.js';

const EXTRA: Readonly<Record<string, string>> = { dg: 'diagnostic imaging', mt: 'methods' };

export function subheadingName(abbr: string): string | undefined {
  return nameOf(abbr) ?? EXTRA[abbr.toLowerCase()];
}

const ALL = 'ab ad ae ag ah ai an bi bl bs cf ch ci cl cn co cs ct cy de df dg dh di dt du ec ed eh em en ep es et ge gd hi im in ir is lj ma me mi mo mt nu og pa pc pd ph pk po pp ps px py ra rh ri rr rt sc sd se sn st su td th tm to tr tu ul ur ut ve vi'.split(' ');

/** `drug therapy` → `dt`; undefined when it is not a subheading name. */
export function subheadingAbbr(name: string): string | undefined {
  const n = name.toLowerCase().trim();
  return ALL.find((a) => subheadingName(a) === n);
}
