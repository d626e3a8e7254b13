/**
 * Ovid MEDLINE field codes and PubMed field tags, and how each maps to the other.
 *
 * Ovid codes: Ovid MEDLINE Database Guide (ospguides.ovid.com/OSPguides/medline.htm, "Fields") and
 * the older Ovid Field Guide (zatoka.icm.edu.pl/OVIDWEB/fldguide/medline.htm). `.mp.` is Ovid's
 * default for an unqualified word: "[mp=title, abstract, original title, name of substance word,
 * subject heading word, floating sub-heading word, keyword heading word, organism supplementary
 * concept word, protocol supplementary concept word, rare disease supplementary concept word, unique
 * identifier, synonyms]". `.tw.` in MEDLINE is title and abstract (UniSA library guide, "Commonly
 * used fields": "MEDLINE .tw (includes Title and Abstract)").
 * PubMed tags: PubMed Help, "Search Field Descriptions and Tags" (pubmed.ncbi.nlm.nih.gov/help/).
 */

export interface FieldMap {
  /** PubMed tag(s) it becomes; several = an OR of the term in each. Empty = untagged. */
  pubmed: string[];
  exact: boolean;
  name: string;
  reason?: string;
}

const OVID: Readonly<Record<string, FieldMap>> = {
  ti: { pubmed: ['ti'], exact: true, name: 'title' },
  ab: { pubmed: ['ab'], exact: true, name: 'abstract' },
  tw: { pubmed: ['tiab'], exact: true, name: 'text word (title, abstract)' },
  kw: { pubmed: ['ot'], exact: false, name: 'keyword heading', reason: 'PubMed [ot] searches author keywords as words, Ovid .kw. as whole headings' },
  kf: { pubmed: ['ot'], exact: true, name: 'keyword heading word' },
  mp: { pubmed: ['tw'], exact: false, name: 'multi-purpose', reason: 'Ovid .mp. (title, abstract, original title, substance, heading and keyword words, supplementary concepts) is close to, not the same as, PubMed [tw]' },
  af: { pubmed: ['all'], exact: false, name: 'all fields', reason: 'Ovid .af. and PubMed [all] search similar, not identical, sets of fields' },
  sh: { pubmed: ['mh:noexp'], exact: true, name: 'subject heading' },
  hw: { pubmed: ['mh'], exact: false, name: 'heading word', reason: 'Ovid .hw. matches single words of headings; PubMed [mh] matches whole headings' },
  fs: { pubmed: ['sh:noexp'], exact: true, name: 'floating subheading' },
  pt: { pubmed: ['pt'], exact: true, name: 'publication type' },
  rn: { pubmed: ['rn'], exact: true, name: 'registry number / substance' },
  nm: { pubmed: ['nm'], exact: false, name: 'name of substance word', reason: 'PubMed [nm] matches supplementary concept names, not single words' },
  ox: { pubmed: ['nm'], exact: false, name: 'organism supplementary concept word', reason: 'PubMed [nm] covers all supplementary concepts' },
  rx: { pubmed: ['nm'], exact: false, name: 'rare disease supplementary concept word', reason: 'PubMed [nm] covers all supplementary concepts' },
  px: { pubmed: ['nm'], exact: false, name: 'protocol supplementary concept word', reason: 'PubMed [nm] covers all supplementary concepts' },
  ot: { pubmed: ['tt'], exact: false, name: 'original title', reason: 'PubMed [tt] is the transliterated title' },
  jn: { pubmed: ['ta'], exact: true, name: 'journal name' },
  ja: { pubmed: ['ta'], exact: true, name: 'journal abbreviation' },
  jw: { pubmed: ['ta'], exact: false, name: 'journal word', reason: 'PubMed [ta] matches whole journal titles, Ovid .jw. single words' },
  au: { pubmed: ['au'], exact: true, name: 'author' },
  fa: { pubmed: ['fau'], exact: true, name: 'full author name' },
  in: { pubmed: ['ad'], exact: true, name: 'institution' },
  ed: { pubmed: ['edat'], exact: false, name: 'entry date', reason: "Ovid's entry date is close to PubMed's Entrez date [edat]" },
  ez: { pubmed: ['edat'], exact: true, name: 'Entrez date' },
  dt: { pubmed: ['crdt'], exact: false, name: 'date created', reason: "Ovid's date created is close to PubMed's create date [crdt]" },
  dc: { pubmed: ['dcom'], exact: false, name: 'date completed', reason: "closest PubMed date is the completion date [dcom]" },
  up: { pubmed: ['lr'], exact: false, name: 'update date', reason: 'closest PubMed date is the modification date [lr]' },
  ep: { pubmed: ['epdat'], exact: true, name: 'electronic publication date' },
  dp: { pubmed: ['dp'], exact: true, name: 'date of publication' },
  yr: { pubmed: ['dp'], exact: true, name: 'year of publication' },
  ui: { pubmed: ['pmid'], exact: true, name: 'unique identifier (PMID)' },
  an: { pubmed: ['pmid'], exact: true, name: 'accession number (PMID)' },
  lg: { pubmed: ['la'], exact: true, name: 'language' },
  la: { pubmed: ['la'], exact: true, name: 'language' },
  is: { pubmed: ['is'], exact: true, name: 'ISSN' },
  vo: { pubmed: ['vi'], exact: true, name: 'volume' },
  ip: { pubmed: ['ip'], exact: true, name: 'issue' },
  pg: { pubmed: ['pg'], exact: true, name: 'page' },
  ps: { pubmed: ['ps'], exact: true, name: 'personal name as subject' },
  pn: { pubmed: ['ps'], exact: true, name: 'personal name as subject' },
  gr: { pubmed: ['gr'], exact: true, name: 'grant number' },
  no: { pubmed: ['gr'], exact: true, name: 'grant number' },
  cn: { pubmed: ['cn'], exact: true, name: 'corporate author' },
  ir: { pubmed: ['ir'], exact: true, name: 'investigator' },
  cp: { pubmed: ['pl'], exact: true, name: 'country of publication' },
  pb: { pubmed: ['pubn'], exact: true, name: 'publisher' },
  do: { pubmed: ['aid'], exact: false, name: 'DOI', reason: 'PubMed [aid] holds DOIs and other article identifiers' },
  si: { pubmed: ['si'], exact: true, name: 'secondary source ID' },
  sa: { pubmed: ['si'], exact: false, name: 'secondary source accession', reason: 'closest PubMed field is [si]' },
  sb: { pubmed: ['sb'], exact: false, name: 'journal subset', reason: 'Ovid subset codes differ from PubMed subset names' },
  st: { pubmed: ['sb'], exact: false, name: 'status', reason: 'PubMed searches record status through subsets ([sb])' },
  so: { pubmed: ['so'], exact: true, name: 'source' },
  tx: { pubmed: ['all'], exact: false, name: 'full text', reason: 'PubMed does not search full text; [all] is the widest field' },
  fx: { pubmed: ['ti'], exact: false, name: 'title word (fx)', reason: 'closest PubMed field is [ti]' },
  tn: { pubmed: ['nm'], exact: false, name: 'trade name', reason: 'PubMed has no trade-name field' },
  hd: { pubmed: ['mh'], exact: false, name: 'heading', reason: 'closest PubMed field is [mh]' },
  mh: { pubmed: ['mh:noexp'], exact: false, name: 'subject heading (mh)', reason: 'Ovid MEDLINE writes subject headings as X/ or .sh.' },
  de: { pubmed: ['mh:noexp'], exact: true, name: 'MeSH subject heading' },
  dw: { pubmed: ['mh'], exact: false, name: 'MeSH heading word', reason: 'PubMed [mh] matches whole headings' },
  id: { pubmed: ['ot'], exact: false, name: 'identifier/keyword', reason: 'closest PubMed field is [ot]' },
  cm: { pubmed: ['all'], exact: false, name: 'comments', reason: 'PubMed has no comments field' },
  ci: { pubmed: ['all'], exact: false, name: 'comment in', reason: 'PubMed has no comments field' },
};

/** Ovid field codes of Embase (Ovid) that MEDLINE does not have: a sign the strategy is for Embase. */
export const EMBASE_ONLY = new Set(['dq', 'dv', 'dj', 'dy', 'dm', 'mn', 'ec', 'tn', 'lk', 'my', 'dd']);

export function ovidField(code: string): FieldMap | undefined {
  return OVID[code.toLowerCase()];
}

export function isOvidCode(code: string): boolean {
  return OVID[code.toLowerCase()] !== undefined;
}

/**
 * PubMed tags → Ovid codes. `pm:` codes have no Ovid field of their own (printed as the nearest
 * Ovid field, approximate).
 */
const PUBMED: Readonly<Record<string, { codes: string[]; exact: boolean; reason?: string }>> = {
  tiab: { codes: ['ti', 'ab'], exact: true },
  ti: { codes: ['ti'], exact: true },
  ab: { codes: ['ab'], exact: true },
  tw: { codes: ['pm:tw'], exact: true },
  all: { codes: ['pm:all'], exact: true },
  ot: { codes: ['kf'], exact: true },
  pt: { codes: ['pt'], exact: true },
  rn: { codes: ['rn'], exact: true },
  nm: { codes: ['pm:nm'], exact: true },
  ta: { codes: ['jn'], exact: true },
  au: { codes: ['au'], exact: true },
  '1au': { codes: ['pm:1au'], exact: true },
  lastau: { codes: ['pm:lastau'], exact: true },
  fau: { codes: ['fa'], exact: true },
  ad: { codes: ['in'], exact: true },
  edat: { codes: ['ez'], exact: true },
  crdt: { codes: ['dt'], exact: true },
  dcom: { codes: ['dc'], exact: true },
  lr: { codes: ['up'], exact: true },
  epdat: { codes: ['ep'], exact: true },
  dp: { codes: ['yr'], exact: true },
  pdat: { codes: ['yr'], exact: true },
  mhda: { codes: ['pm:mhda'], exact: true },
  ppdat: { codes: ['pm:ppdat'], exact: true },
  pmid: { codes: ['ui'], exact: true },
  la: { codes: ['lg'], exact: true },
  is: { codes: ['is'], exact: true },
  vi: { codes: ['vo'], exact: true },
  ip: { codes: ['ip'], exact: true },
  pg: { codes: ['pg'], exact: true },
  ps: { codes: ['ps'], exact: true },
  gr: { codes: ['gr'], exact: true },
  cn: { codes: ['cn'], exact: true },
  ir: { codes: ['ir'], exact: true },
  fir: { codes: ['ir'], exact: true },
  pl: { codes: ['cp'], exact: true },
  pubn: { codes: ['pb'], exact: true },
  aid: { codes: ['do'], exact: true },
  lid: { codes: ['do'], exact: true },
  si: { codes: ['si'], exact: true },
  tt: { codes: ['ot'], exact: true },
  pa: { codes: ['pm:pa'], exact: true },
  jid: { codes: ['pm:jid'], exact: true },
  auid: { codes: ['pm:auid'], exact: true },
  ed: { codes: ['pm:ed'], exact: true },
  isbn: { codes: ['pm:isbn'], exact: true },
  pubtype: { codes: ['pt'], exact: true },
  cois: { codes: ['pm:cois'], exact: true },
  bk: { codes: ['pm:bk'], exact: true },
  so: { codes: ['so'], exact: true },
};

export function pubmedCodes(tag: string): string[] | undefined {
  return PUBMED[tag.toLowerCase()]?.codes;
}

/** Ovid's nearest field for a `pm:` code, with the reason it is not exact. */
export const PM_TO_OVID: Readonly<Record<string, { code: string; reason: string }>> = {
  'pm:tw': { code: 'mp', reason: 'PubMed [tw] (text words, headings, keywords, substances) is close to Ovid .mp.' },
  'pm:atm': { code: 'mp', reason: 'PubMed maps an untagged term automatically (Automatic Term Mapping); Ovid .mp. is the nearest' },
  'pm:all': { code: 'af', reason: 'PubMed [all] and Ovid .af. search similar, not identical, sets of fields' },
  'pm:nm': { code: 'nm', reason: 'PubMed [nm] matches supplementary concept names; Ovid .nm. is a word search' },
  'pm:1au': { code: 'au', reason: 'Ovid MEDLINE has no first-author field' },
  'pm:lastau': { code: 'au', reason: 'Ovid MEDLINE has no last-author field' },
  'pm:mhda': { code: 'ed', reason: 'Ovid MEDLINE has no MeSH date; entry date is the nearest' },
  'pm:ppdat': { code: 'yr', reason: 'Ovid MEDLINE has no print publication date field' },
  'pm:pa': { code: 'hw', reason: 'Ovid searches pharmacological actions through headings and .rn.' },
  'pm:jid': { code: 'jn', reason: 'Ovid MEDLINE searches NLM journal codes as .jc.; .jn. is the journal name' },
  'pm:auid': { code: 'au', reason: 'Ovid MEDLINE has no author identifier field' },
  'pm:ed': { code: 'au', reason: 'Ovid MEDLINE has no editor field' },
  'pm:isbn': { code: 'is', reason: 'Ovid MEDLINE keeps ISBNs with ISSNs' },
  'pm:cois': { code: 'af', reason: 'Ovid MEDLINE has no conflict of interest field' },
  'pm:bk': { code: 'af', reason: 'Ovid MEDLINE has no book field' },
};

/** PubMed date tags (ranges allowed). */
export const PUBMED_DATE_TAGS = new Set(['dp', 'pdat', 'edat', 'crdt', 'mhda', 'dcom', 'lr', 'epdat', 'ppdat']);
/** Ovid date codes (ranges in limits: yr=, ed=, dt=, dc=, ez=, up=, ep=). */
export const OVID_DATE_CODES = new Set(['yr', 'ed', 'dt', 'dc', 'ez', 'up', 'ep', 'dp', 'da']);
