/**
 * MEDLINE qualifier (subheading) abbreviations, as Ovid writes them after a heading (`X/dt`) or in
 * `.fs.`, with the full names PubMed uses in `"X/drug therapy"[mh]` and `[sh]` (NLM, "Qualifiers -
 * Abbreviations", nlm.nih.gov/mesh/subhierarchy).
 */

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
  vi: 'virology', mt: 'methods',
};

/** `di` → `diagnosis`; undefined for an unknown abbreviation. */
export function subheadingName(abbr: string): string | undefined {
  return SUBHEADINGS[abbr.toLowerCase()];
}

const ALL = 'ab ad ae ag ah ai an bi bl bs cf ch ci cl cn co cs ct cy de df dg dh di dt du ec ed eh em en ep es et ge gd hi im in ir is lj ma me mi mo mt nu og pa pc pd ph pk po pp ps px py ra rh ri rr rt sc sd se sn st su td th tm to tr tu ul ur ut ve vi'.split(' ');

/** `drug therapy` → `dt`; undefined when it is not a subheading name. */
export function subheadingAbbr(name: string): string | undefined {
  const n = name.toLowerCase().trim();
  return ALL.find((a) => subheadingName(a) === n);
}
