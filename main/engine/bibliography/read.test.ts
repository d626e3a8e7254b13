/** The readers: `file` fields as JabRef, Zotero and Mendeley write them; RIS tags, continuation lines, errors; BibTeX fields. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFileField } from './file-field.js';
import { readBibtex } from './read-bibtex.js';
import { readRis } from './read-ris.js';
import { toBibtex } from './bibtex.js';
import { toRis } from './ris.js';

test('file fields: JabRef (escaped Windows paths, several files), Zotero, Mendeley, bare paths', () => {
  assert.deepEqual(parseFileField(String.raw`:C\:\\Users\\me\\a b.pdf:PDF;Supplement:papers/s\;1.pdf:PDF`), ['C:\\Users\\me\\a b.pdf', 'papers/s;1.pdf']);
  assert.deepEqual(parseFileField('Full Text PDF:/home/me/Zotero/storage/AB12CD34/Smith - 2001.pdf:application/pdf'), ['/home/me/Zotero/storage/AB12CD34/Smith - 2001.pdf']);
  assert.deepEqual(parseFileField(':home/me/Documents/Mendeley Desktop/a.pdf:pdf'), ['home/me/Documents/Mendeley Desktop/a.pdf']);
  assert.deepEqual(parseFileField('papers/a.pdf'), ['papers/a.pdf']);
  assert.deepEqual(parseFileField('desc:C:\\x\\a.pdf:PDF'), ['C:\\x\\a.pdf'], 'an unescaped drive colon is put back');
  assert.deepEqual(parseFileField(''), []);
});

test('RIS reader: continuation lines, authors, pages, PMID only from PubMed, file links; errors reported, good references kept', () => {
  const { references, errors } = readRis([
    'TY  - JOUR', 'TI  - A long', '  wrapped title', 'AU  - Müller, Anna, Jr.', 'AU  - World Health Organization', 'PY  - 2019///', 'JF  - The Journal',
    'SP  - 10', 'EP  - 19', 'DO  - 10.1/x', 'DB  - PubMed', 'AN  - 123', 'KW  - a', 'KW  - b', 'L1  - file:///tmp/a%20b.pdf', 'UR  - https://x.org', 'ER  -',
    'stray line', 'TY  - GEN', 'TI  - Other', 'AN  - 999', 'ER  - ', 'TY  - JOUR', 'TI  - unterminated',
  ].join('\n'));
  assert.equal(references.length, 2);
  const [a, b] = references;
  assert.deepEqual([a!.title, a!.authors, a!.year, a!.journal, a!.pages, a!.doi, a!.pmid, a!.keywords, a!.files, a!.url, a!.type],
    ['A long wrapped title', [{ family: 'Müller', given: 'Anna, Jr.' }, { literal: 'World Health Organization' }], 2019, 'The Journal', '10-19', '10.1/x', '123', ['a', 'b'], ['/tmp/a b.pdf'], 'https://x.org', 'article']);
  assert.deepEqual([b!.title, b!.pmid, b!.type], ['Other', null, 'misc'], 'AN is a PMID only when the database is PubMed');
  assert.equal(errors.length, 2, errors.join('; '));
});

test('BibTeX reader: LaTeX decoded to NFC, editors when no authors, date, eprint PMIDs; our own export reads back', () => {
  const { references, errors } = readBibtex(String.raw`@book{k1, editor = {{\O}rsted, H. C.}, title = {Caf{\'e} {DNA}}, date = {2001-05}, eprint = {777}, eprinttype = {pubmed}}
@article{k2, author = {Doe, J.}, title = {X}, journaltitle = {J}, issue = {4}}`);
  assert.deepEqual(errors, []);
  assert.deepEqual([references[0]!.authors, references[0]!.title, references[0]!.year, references[0]!.pmid, references[0]!.type],
    [[{ family: 'Ørsted', given: 'H. C.' }], 'Café DNA', 2001, '777', 'misc']);
  assert.equal(references[0]!.title, 'Café DNA'.normalize('NFC'));
  assert.deepEqual([references[1]!.journal, references[1]!.issue, references[1]!.type], ['J', '4', 'article']);
  const back = readBibtex(toBibtex(references)).references;
  assert.deepEqual(back.map((r) => [r.title, r.authors, r.year]), references.map((r) => [r.title, r.authors, r.year]));
  const ris = readRis(toRis(references)).references;
  assert.deepEqual(ris.map((r) => [r.title, r.authors, r.year, r.journal]), references.map((r) => [r.title, r.authors, r.year, r.journal ?? null]));
});
