/**
 * RIS, BibTeX and CSV of PubMed records with tricky text (quotes, commas, braces, LaTeX specials,
 * new lines, non-ASCII), read back by independent parsers: BibTeX by @retorquere/bibtex-parser and
 * pandoc, RIS by citation-js, CSV by csv-parse.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { viaCitationJs, viaCsvParse, viaPandoc, viaRetorquere } from '../../../../test/helpers/bib-readers.js';
import { pubmedRecord } from '../../../../test/helpers/pubmed-record.js';
import { citationKeys, oneLine } from '../../bibliography/index.js';
import { recordEntry, toBibtex, toCsv, toRis } from './export.js';

const tricky = pubmedRecord({
  pmid: '31234567',
  title: 'The "50%" rule, {braces} & C_2 in Müller\'s cohort: naïve β-blockers ~ #1 at $0 \\ ^',
  abstract: 'BACKGROUND: One, "two".\nMETHODS: Three\r\nfour.',
  authors: [{ last: 'Müller', fore: 'Anna-Lena', initials: 'AL' }, { last: 'van der Berg', fore: null, initials: 'J' }, { collective: 'Smith and Jones Group' }],
  journal: 'Lancet, The', year: 2019, doi: '10.1016/S0140-6736(19)1', mesh: ['*Stomach Neoplasms/prevention & control', 'Humans'],
  publicationTypes: ['Journal Article', 'Randomized Controlled Trial'], keywords: ['gastric cancer'],
});
const plain = pubmedRecord({ pmid: '2', title: 'Müller again: eradication', authors: [{ last: 'Müller', fore: 'B', initials: 'B' }], year: 2019 });
const bare = pubmedRecord({ pmid: '4', title: '', authors: [] });
const greek = pubmedRecord({ pmid: '5', title: 'Ωμέγα', authors: [] });
const authors = ['Müller, Anna-Lena', 'van der Berg, J', 'Smith and Jones Group'];

test('keys: one rule (bibliography/citekey.ts), unique; a record with neither author nor title is pmid<PMID>', () => {
  assert.deepEqual(citationKeys([tricky, plain, bare, tricky].map(recordEntry)),
    ['muller50RuleBraces2019', 'mullerMullerAgainEradication2019', 'pmid4', 'muller50RuleBraces2019a']);
});

test('RIS: citation-js reads every field back; one line per value, CRLF, every record closed by ER', () => {
  const ris = toRis([tricky, greek]);
  const [a, b] = viaCitationJs(ris, '@ris/file');
  assert.deepEqual([a!.title, a!.authors, a!.year, a!.journal, a!.doi, a!.url, a!.abstract],
    [tricky.title, authors, '2019', 'Lancet, The', tricky.doi, 'https://pubmed.ncbi.nlm.nih.gov/31234567/', 'BACKGROUND: One, "two". METHODS: Three four.']);
  assert.equal(b!.title, 'Ωμέγα');
  const lines = ris.split('\r\n');
  assert.ok(lines.includes('AN  - 31234567'));
  assert.ok(lines.includes('KW  - *Stomach Neoplasms/prevention & control'));
  assert.equal(lines.filter((l) => l === 'ER  - ').length, 2);
  assert.ok(lines.every((l) => l === '' || /^[A-Z][A-Z0-9]  - /.test(l)), 'every line is a tag line');
});

test('BibTeX: bibtex-parser and pandoc read every field back from an @article with its journal', () => {
  const bib = toBibtex([tricky, greek]);
  const [r, g] = viaRetorquere(bib);
  const [p] = viaPandoc(bib);
  for (const e of [r!, p!]) {
    assert.deepEqual([e.key, e.title, e.authors, e.year, e.journal, e.doi, e.url, e.abstract],
      ['muller50RuleBraces2019', tricky.title, authors, '2019', 'Lancet, The', tricky.doi, 'https://pubmed.ncbi.nlm.nih.gov/31234567/', oneLine(tricky.abstract)]);
  }
  assert.equal(r!.type, 'article');
  assert.equal(p!.type, 'article-journal');
  assert.equal(r!.fields.pmid, '31234567');
  assert.deepEqual(new Set(r!.fields.keywords as string[]), new Set(['*Stomach Neoplasms/prevention & control', 'Humans', 'gastric cancer']), 'MeSH then keywords');
  assert.deepEqual([g!.key, g!.title], ['pmid5', 'Ωμέγα'], 'non-ASCII kept as UTF-8; no ASCII left for a key');
});

test('CSV: csv-parse reads back the header and every cell, the multi-line abstract included', () => {
  const rows = viaCsvParse(toCsv([tricky, greek]));
  assert.deepEqual(rows[0], ['pmid', 'title', 'authors', 'journal', 'year', 'doi', 'pmcid', 'publication_types', 'mesh', 'keywords', 'language', 'abstract']);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[1], ['31234567', tricky.title, 'Müller AL; van der Berg J; Smith and Jones Group', 'Lancet, The', '2019', tricky.doi,
    '', 'Journal Article; Randomized Controlled Trial', '*Stomach Neoplasms/prevention & control; Humans', 'gastric cancer', 'eng', tricky.abstract]);
  assert.deepEqual(rows[2]!.slice(0, 2), ['5', 'Ωμέγα']);
  assert.ok(toCsv([], { bom: true }).startsWith('\uFEFFpmid,'));
});
