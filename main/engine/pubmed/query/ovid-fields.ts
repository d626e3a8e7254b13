/**
 * Ovid MEDLINE field codes and MeSH subheading abbreviations, and the PubMed tags they become.
 *
 * 28 of the 30 CLEF TAR 2017 test strategies in ../shared/pubmed are Ovid MEDLINE syntax, not
 * PubMed. They are translated to PubMed trees; where the two differ the translation is the closest
 * PubMed field, and the caller is told (see ovid-translate.ts):
 *   .tw. (title, abstract) → [tiab]; .mp. (multi-purpose: title, abstract, headings, substance
 *   names, keywords…) → [tw]; .sh. (subject heading, not exploded) → [mh:noexp]; .hw. → [mh];
 *   .fs. (floating subheading) → [sh]; .ed. (entry date) → [edat]; .kw./.kf. (keywords) → [ot];
 *   .in. (institution) → [ad]; .ui. → [pmid]; .yr. → [dp]; .jn./.ja./.jw. → [ta].
 * `.ti,ab.` is one PubMed field, [tiab]; any other list of fields becomes an OR of the term in each.
 * A term with no field code uses Ovid's default, .mp.
 */

const CODES: Readonly<Record<string, string>> = {
  ti: 'ti', ab: 'ab', tw: 'tiab', mp: 'tw', ot: 'ot', kw: 'ot', kf: 'ot', sh: 'mh:noexp', hw: 'mh',
  pt: 'pt', rn: 'rn', nm: 'nm', fs: 'sh', ed: 'edat', dp: 'dp', yr: 'dp', au: 'au', fa: 'fau',
  jn: 'ta', ja: 'ta', jw: 'ta', la: 'la', ps: 'ps', ui: 'pmid', in: 'ad', is: 'is', vo: 'vi', ip: 'ip', pg: 'pg',
};

/** The PubMed tags for a list of Ovid field codes (`['ti', 'ab']` → `['tiab']`), or the first unknown code. */
export function ovidFieldTags(codes: readonly string[]): { tags: string[] } | { unknown: string } {
  const tags: string[] = [];
  for (const raw of codes) {
    const tag = CODES[raw.toLowerCase()];
    if (tag === undefined) return { unknown: raw.toLowerCase() };
    tags.push(tag);
  }
  const both = tags.includes('ti') && tags.includes('ab');
  const merged = tags.map((t) => (both && (t === 'ti' || t === 'ab') ? 'tiab' : t));
  return { tags: [...new Set(merged)] };
}

export function isOvidFieldCode(code: string): boolean {
  return CODES[code.toLowerCase()] !== undefined;
}

/** The MEDLINE two-letter qualifier (subheading) abbreviations, shared by Ovid and NLM. */
const SUBHEADINGS: Readonly<Record<string, string>> = {
  ab: 'abnormalities', ad: 'administration and dosage', ae: 'adverse effects', ag: 'agonists',
  ah: 'anatomy and histology', ai: 'antagonists and inhibitors', an: 'analysis', bi: 'biosynthesis',
  bl: 'blood', bs: 'blood supply', cf: 'cerebrospinal fluid', ch: 'chemistry', ci: 'chemically induced',
  cl: 'classification', cn: 'congenital', co: 'complications', cs: 'chemical synthesis', ct: 'contraindications',
  cy: 'cytology', de: 'drug effects', df: 'deficiency', dg: 'diagnostic imaging', dh: 'diet therapy',
  di: 'diagnosis', dt: 'drug therapy', du: 'diagnostic use', ec: 'economics', ed: 'education',
  eh: 'ethnology', em: 'embryology', en: 'enzymology', ep: 'epidemiology', es: 'ethics', et: 'etiology',
  ge: 'genetics', gd: 'growth and development', hi: 'history', im: 'immunology', in: 'injuries',
  ir: 'innervation', is: 'isolation and purification', lj: 'legislation and jurisprudence',
  ma: 'manpower', me: 'metabolism', mi: 'microbiology', mo: 'mortality', nu: 'nursing',
  og: 'organization and administration', pa: 'pathology', pc: 'prevention and control',
  pd: 'pharmacology', ph: 'physiology', pk: 'pharmacokinetics', po: 'poisoning', pp: 'physiopathology',
  ps: 'parasitology', px: 'psychology', py: 'pathogenicity', ra: 'radiography', rh: 'rehabilitation',
  ri: 'radionuclide imaging', rr: 'radiation effects', rt: 'radiotherapy', sc: 'secondary',
  sd: 'supply and distribution', se: 'secretion', sn: 'statistics and numerical data', st: 'standards',
  su: 'surgery', td: 'trends', th: 'therapy', tm: 'transmission', to: 'toxicity', tr: 'transplantation',
  tu: 'therapeutic use', ul: 'ultrastructure', ur: 'urine', ut: 'utilization', ve: 'veterinary',
  vi: 'virology',
};

/** `di` → `diagnosis`; undefined for an unknown abbreviation. */
export function subheadingName(abbr: string): string | undefined {
  return SUBHEADINGS[abbr.toLowerCase()];
}
