/** PubMed-shaped fixture records for the E-utilities tests (invented content, realistic structure). */
import type { PubmedRecordFixture } from './types.js';

/** A structured abstract, MeSH with qualifiers and major topics, a collective author, inline markup. */
export const STRUCTURED: PubmedRecordFixture = {
  pmid: '31234567',
  title: 'Eradication of <i>Helicobacter pylori</i> & gastric cancer risk: β-lactam regimens in a 10-year cohort',
  abstract: [
    { label: 'BACKGROUND', category: 'BACKGROUND', text: 'Infection with <i>H. pylori</i> raises gastric cancer risk < 2-fold.' },
    { label: 'METHODS', category: 'METHODS', text: 'We followed 1,204 adults (age ≥ 40) treated with amoxicillin.' },
    { label: 'RESULTS', category: 'RESULTS', text: 'Incidence fell (HR 0.61; <i>p</i> < 0.001); CO<sub>2</sub> breath tests confirmed eradication.' },
    { label: 'CONCLUSIONS', category: 'CONCLUSIONS', text: 'Eradication lowers risk.' },
  ],
  authors: [
    { last: 'Müller', fore: 'Anna-Lena', initials: 'AL' },
    { last: "O'Brien", fore: 'Seán', initials: 'S' },
    { collective: 'Gastric Cancer Prevention Consortium' },
  ],
  journal: 'The Lancet. Gastroenterology & hepatology',
  journalAbbrev: 'Lancet Gastroenterol Hepatol',
  medlineDate: '2019 Nov-Dec',
  doi: '10.1016/S2468-1253(19)30289-X',
  doiIn: 'articleid',
  pmcid: 'PMC6812345',
  mesh: [
    { descriptor: 'Helicobacter Infections', ui: 'D016481', major: false, qualifiers: [{ name: 'drug therapy', ui: 'Q000188', major: true }, { name: 'complications', ui: 'Q000150' }] },
    { descriptor: 'Stomach Neoplasms', ui: 'D013274', major: true, qualifiers: [{ name: 'prevention & control', ui: 'Q000517' }] },
    { descriptor: 'Humans', ui: 'D006801' },
  ],
  publicationTypes: ['Journal Article', 'Randomized Controlled Trial'],
  language: 'eng',
  keywords: ['eradication', 'cohort'],
};

export const PLAIN: PubmedRecordFixture = {
  pmid: '29876543',
  title: 'Vitamin D supplementation and asthma exacerbations in children',
  abstract: 'Vitamin D did not reduce asthma exacerbations in a randomized trial of 400 children.',
  authors: [{ last: 'Smith', fore: 'John', initials: 'J' }],
  journal: 'Pediatrics',
  journalAbbrev: 'Pediatrics',
  year: 2018,
  doi: '10.1542/peds.2017-1234',
  doiIn: 'elocation',
  mesh: [{ descriptor: 'Asthma', ui: 'D001249', major: true }],
};

/** `n` simple records with pmids from `start`, each mentioning "asthma" and its number as a word. */
export function manyRecords(n: number, start = 1_000_000): PubmedRecordFixture[] {
  return Array.from({ length: n }, (_, i) => ({
    pmid: String(start + i),
    title: `Asthma cohort ${i} ${i % 2 === 0 ? 'even' : 'odd'}`,
    abstract: `Record number n${i} about asthma.`,
    year: 2000 + (i % 20),
  }));
}
