import assert from 'node:assert/strict';
import test from 'node:test';
import { dateYear, extractMeta, findDoi, meaningfulTitle, printedYear, splitAuthors } from './metadata.js';
import { sniff } from './load.js';

test('DOI: trailing punctuation trimmed, balanced parentheses kept', () => {
  assert.equal(findDoi('see https://doi.org/10.7717/peerj-cs.118.'), '10.7717/peerj-cs.118');
  assert.equal(findDoi('(doi:10.1155/2010/157939)'), '10.1155/2010/157939');
  assert.equal(findDoi('doi: 10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0'), '10.1002/(SICI)1097-4571(199806)49:8');
  assert.equal(findDoi('no identifier here, 10.12/x is too short'), null);
  assert.equal(findDoi('DOI: 10.1016/j.cell.2019.01.001”'), '10.1016/j.cell.2019.01.001');
  assert.equal(findDoi('version 2010.1234/5 of the data'), null, 'not inside a longer number');
});

test('DOI: a labelled DOI wins over a bare one printed earlier (a cited work)', () => {
  const page = 'As shown before (Smith 2012, 10.1000/cited.1), ...\nClinical Science (2014) 126, 305–313 doi:\n10.1042/CS20130403';
  assert.equal(findDoi(page), '10.1042/CS20130403');
  assert.equal(findDoi('available from https://doi.org/10.6028/NIST.SP.800-171r2 and 10.1000/x1'), '10.6028/NIST.SP.800-171r2');
  assert.equal(findDoi('see 10.1000/first and 10.1000/second'), '10.1000/first', 'no label: the first one');
});

test('sources: info dictionary and XMP are pdf-info, the pages pdf-text', () => {
  const xmp = (fields: Record<string, unknown>) => ({ get: (k: string) => fields[k] });
  const fromInfo = extractMeta({
    info: { Title: 'Exercise training in chronic heart failure', Author: 'Ada Lovelace; Alan Turing', Subject: 'doi:10.1234/hf.1', CreationDate: 'D:20190101' },
    xmp: null, firstPageLines: [], firstPagesText: 'no copyright line',
  });
  assert.deepEqual([fromInfo.doi, fromInfo.year, fromInfo.sources], ['10.1234/hf.1', 2019, { title: 'pdf-info', authors: 'pdf-info', doi: 'pdf-info', year: 'pdf-info' }]);
  const fromXmp = extractMeta({ info: {}, xmp: xmp({ 'prism:doi': '10.5555/xmp' }), firstPageLines: [], firstPagesText: 'doi:10.1000/printed' });
  assert.deepEqual([fromXmp.doi, fromXmp.sources], ['10.5555/xmp', { doi: 'pdf-info' }]);
  const fromText = extractMeta({ info: { Title: 'paper_final.pdf' }, xmp: null, firstPageLines: [], firstPagesText: 'Copyright © 2014 The Authors. DOI 10.7717/peerj-cs.118' });
  assert.deepEqual([fromText.title, fromText.doi, fromText.year, fromText.sources], [null, '10.7717/peerj-cs.118', 2014, { doi: 'pdf-text', year: 'pdf-text' }]);
});

test('junk titles are rejected', () => {
  for (const t of ['', '  ', 'Microsoft Word - draft3.docx', 'paper_final.pdf', 'ipg1300180a', '6489122611071476 1..10', 'Adobe Photoshop PDF', 'untitled']) {
    assert.equal(meaningfulTitle(t), false, t);
  }
  for (const t of ['Protecting Controlled Unclassified Information in Nonfederal Systems', 'S2ORC: The Semantic Scholar Open Research Corpus', '코로나-19 관련 보험약관상']) {
    assert.equal(meaningfulTitle(t), true, t);
  }
});

test('authors from the info dict', () => {
  assert.deepEqual(splitAuthors('Arman Cohan ; Sergey Feldman ; Iz Beltagy'), ['Arman Cohan', 'Sergey Feldman', 'Iz Beltagy']);
  assert.deepEqual(splitAuthors('Nuala E. Tully {et al.}'), ['Nuala E. Tully']);
  assert.deepEqual(splitAuthors('Ada Lovelace, Charles Babbage and Alan Turing'), ['Ada Lovelace', 'Charles Babbage', 'Alan Turing']);
  assert.deepEqual(splitAuthors('Cambridge Journals'), []);
  assert.deepEqual(splitAuthors('jsmith'), []);
  assert.deepEqual(splitAuthors('김창호'), ['김창호']);
});

test('years: copyright and publication lines, then PDF dates', () => {
  assert.equal(printedYear('Received 2 June 2010; Accepted 29 September 2010 Copyright © 2010 N. E. Tully et al.'), 2010);
  assert.equal(printedYear('Published: 3 January 2014'), 2014);
  assert.equal(printedYear('first published in 2018 by others'), null);
  assert.equal(printedYear('nothing'), null);
  assert.equal(dateYear('D:20200519234246Z'), 2020);
  assert.equal(dateYear('2017-06-01T04:54:30Z'), 2017);
  assert.equal(dateYear('D:21990519'), null);
});

test('sniffing: empty, not a PDF, truncated', () => {
  assert.throws(() => sniff(new Uint8Array(0), ''), { code: 'EMPTY_FILE' });
  assert.throws(() => sniff(new TextEncoder().encode('hello'), ''), { code: 'NOT_A_PDF' });
  assert.deepEqual(sniff(new TextEncoder().encode('%PDF-1.4\n...\n%%EOF\n'), ''), []);
  assert.equal(sniff(new TextEncoder().encode('%PDF-1.4\n...'), '')[0]?.code, 'PDF_TRUNCATED');
});
