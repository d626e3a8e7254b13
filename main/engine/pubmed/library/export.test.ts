/** RIS, BibTeX and CSV of records with tricky text: quotes, commas, braces, LaTeX specials, new lines, non-ASCII. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pubmedRecord } from '../../../../test/helpers/pubmed-record.js';
import { bibtexKeys, csvField, escapeBibtex, toBibtex, toCsv, toRis } from './export.js';

const tricky = pubmedRecord({
  pmid: '31234567',
  title: 'The "50%" rule, {braces} & C_2 in Müller\'s cohort: naïve β-blockers ~ #1 at $0 \\ ^',
  abstract: 'BACKGROUND: One, "two".\nMETHODS: Three\r\nfour.',
  authors: [{ last: 'Müller', fore: 'Anna-Lena', initials: 'AL' }, { last: 'van der Berg', fore: null, initials: 'J' }, { collective: 'Smith and Jones Group' }],
  journal: 'Lancet, The', year: 2019, doi: '10.1016/S0140-6736(19)1', mesh: ['*Stomach Neoplasms/prevention & control', 'Humans'],
  publicationTypes: ['Journal Article', 'Randomized Controlled Trial'], keywords: ['gastric, cancer'],
});
const plain = pubmedRecord({ pmid: '2', title: 'Müller again: eradication', authors: [{ last: 'Müller', fore: 'B', initials: 'B' }], year: 2019 });
const same = pubmedRecord({ pmid: '3', title: 'The cohort', authors: [{ last: 'Muller', fore: 'C', initials: 'C' }], year: 2019 });
const bare = pubmedRecord({ pmid: '4', title: 'Ωμέγα', authors: [] });

test('RIS: one line per value, CRLF, every record closed by ER', () => {
  const ris = toRis([tricky, bare]);
  const lines = ris.split('\r\n');
  assert.equal(lines[0], 'TY  - JOUR');
  assert.ok(lines.includes('TI  - The "50%" rule, {braces} & C_2 in Müller\'s cohort: naïve β-blockers ~ #1 at $0 \\ ^'));
  assert.ok(lines.includes('AU  - Müller, Anna-Lena'));
  assert.ok(lines.includes('AU  - van der Berg, J'));
  assert.ok(lines.includes('AU  - Smith and Jones Group'));
  assert.ok(lines.includes('AB  - BACKGROUND: One, "two". METHODS: Three four.'), 'new lines inside a value become spaces');
  assert.ok(lines.includes('DO  - 10.1016/S0140-6736(19)1'));
  assert.ok(lines.includes('AN  - 31234567'));
  assert.ok(lines.includes('KW  - *Stomach Neoplasms/prevention & control'));
  assert.equal(lines.filter((l) => l === 'ER  - ').length, 2);
  assert.ok(lines.every((l) => l === '' || /^[A-Z][A-Z0-9]  - /.test(l)), 'every line is a tag line');
  assert.ok(!ris.replace(/\r\n/g, '').includes('\n'));
});

test('BibTeX: LaTeX specials escaped, braces balanced, protected title, unique ASCII keys', () => {
  assert.equal(escapeBibtex('a {b} & 50% $x$ #1 C_2 ~ ^ \\'), 'a \\textbraceleft{}b\\textbraceright{} \\& 50\\% \\$x\\$ \\#1 C\\_2 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  assert.deepEqual(bibtexKeys([tricky, plain, same, bare, tricky]), ['muller2019rule', 'muller2019muller', 'muller2019cohort', 'pmid4', 'muller2019rulea']);
  assert.deepEqual(bibtexKeys([plain, plain, plain]), ['muller2019muller', 'muller2019mullera', 'muller2019mullerb']);
  const bib = toBibtex([tricky, bare]);
  assert.ok(bib.startsWith('@article{muller2019rule,\n'));
  assert.ok(bib.includes('  title = {{The "50\\%" rule, \\textbraceleft{}braces\\textbraceright{} \\& C\\_2 in Müller\'s cohort: naïve β-blockers \\textasciitilde{} \\#1 at \\$0 \\textbackslash{} \\textasciicircum{}}},\n'));
  assert.ok(bib.includes('  author = {Müller, Anna-Lena and {van der Berg}, J and {Smith and Jones Group}}'));
  assert.ok(bib.includes('  journal = {Lancet, The}'));
  assert.ok(bib.includes('  doi = {10.1016/S0140-6736(19)1}'));
  assert.ok(bib.includes('  pmid = {31234567}'));
  assert.ok(bib.includes('  abstract = {BACKGROUND: One, "two". METHODS: Three four.}'));
  assert.ok(bib.includes('@article{pmid4,\n  title = {{Ωμέγα}}'), 'non-ASCII kept as UTF-8');
  for (const entry of bib.split('\n@')) {
    let depth = 0;
    for (const c of entry) {
      depth += c === '{' ? 1 : c === '}' ? -1 : 0;
      assert.ok(depth >= 0);
    }
    assert.equal(depth, 0, 'braces balance in every entry, escaped or not (BibTeX counts them all)');
  }
});

test('CSV (RFC 4180): header, CRLF rows, quoted fields with doubled quotes, multi-line abstract kept', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(' padded'), '" padded"');
  const csv = toCsv([tricky, bare]);
  const rows = parseCsv(csv);
  assert.deepEqual(rows[0], ['pmid', 'title', 'authors', 'journal', 'year', 'doi', 'pmcid', 'publication_types', 'mesh', 'keywords', 'language', 'abstract']);
  assert.equal(rows.length, 3);
  assert.equal(rows[1]![1], tricky.title);
  assert.equal(rows[1]![2], "Müller AL; van der Berg J; Smith and Jones Group");
  assert.equal(rows[1]![3], 'Lancet, The');
  assert.equal(rows[1]![8], '*Stomach Neoplasms/prevention & control; Humans');
  assert.equal(rows[1]![11], tricky.abstract, 'the abstract, new lines and all, reads back as it was');
  assert.deepEqual(rows[2]!.slice(0, 2), ['4', 'Ωμέγα']);
  assert.ok(csv.endsWith('\r\n'));
  assert.ok(toCsv([], { bom: true }).startsWith('\uFEFFpmid,'));
});

/** A strict RFC 4180 reader. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < s.length) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        assert.ok(q >= 0, 'closing quote');
        field += s.slice(i, q);
        i = q + 1;
        if (s[i] === '"') { field += '"'; i++; } else break;
      }
    } else {
      const m = /[,\r]/.exec(s.slice(i));
      const end = m ? i + m.index : s.length;
      field = s.slice(i, end);
      assert.ok(!field.includes('"') && !field.includes('\n'), `unquoted field ${JSON.stringify(field)}`);
      i = end;
    }
    row.push(field);
    if (s[i] === ',') { i++; continue; }
    assert.equal(s.slice(i, i + 2), '\r\n', 'rows end with CRLF');
    i += 2;
    rows.push(row);
    row = [];
  }
  return rows;
}
