import assert from 'node:assert/strict';
import test from 'node:test';
import { dateYear, findDoi, meaningfulTitle, printedYear, splitAuthors } from './metadata.js';
import { sniff } from './load.js';

test('DOI: trailing punctuation trimmed, balanced parentheses kept', () => {
  assert.equal(findDoi('see https://doi.org/10.7717/peerj-cs.118.'), '10.7717/peerj-cs.118');
  assert.equal(findDoi('(doi:10.1155/2010/157939)'), '10.1155/2010/157939');
  assert.equal(findDoi('doi: 10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0'), '10.1002/(SICI)1097-4571(199806)49:8');
  assert.equal(findDoi('no identifier here, 10.12/x is too short'), null);
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
