/**
 * DOIs of the shared PDFs: `index ../shared/pdfs`, then every PDF's document carries exactly the DOI
 * printed on its first two pages (or none), found in its text ('pdf-text'; none of these PDFs has a
 * DOI in its info dictionary or XMP).
 *
 * EXPECTED was made by reading each file's first pages, `pdftotext -l 2 FILE -` (poppler), and
 * `pdfinfo -meta FILE` for the XMP: the DOI printed there ("doi:10.1155/2010/157939", "DOI
 * 10.7717/peerj-cs.118", "https://doi.org/10.6028/NIST.SP.800-171r2"), without the label and
 * trailing punctuation. A PDF whose first pages show no DOI (the ACL papers, the BMC article, which
 * prints only its biomedcentral.com URL there, the Arabic and Korean documents and the image-only
 * scans) expects null. A PDF added to shared/pdfs fails the test until it is added to the table.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createEngine, type DelveEngine } from '../../main/engine/index.js';
import { sharedDir, tempDir } from '../helpers/shared.js';

const EXPECTED: Record<string, string | null> = {
  'acl_2020.acl-main.207_SPECTER.pdf': null,
  'acl_2020.acl-main.447_S2ORC.pdf': null,
  'acl_2023.eacl-main.121_LongEval.pdf': null,
  'acl_N18-3011_literature-graph-semantic-scholar.pdf': null,
  'bmc-hsr-2014-14-1_healthcare-quality-malawi.pdf': null,
  'clinsci-2014-126-305_ACE-inhibitors.pdf': '10.1042/CS20130403',
  'hindawi-rrp-2010-157939_heart-failure.pdf': '10.1155/2010/157939',
  'intpsychogeriatrics-2014-26-147_NC.pdf': '10.1017/S1041610213001804',
  'large_NIST.SP.800-171r2_113pages.pdf': '10.6028/NIST.SP.800-171r2',
  'nonascii_arabic_right_to_left_01.pdf': null,
  'nonascii_korean_nars-issue-1695.pdf': null,
  'peerj-cs-118_VESPA.pdf': '10.7717/peerj-cs.118',
  'scanned_francais_diacritics_imageonly.pdf': null,
  'scanned_gutenberg-huckfinn-p22_imageonly.pdf': null,
  'scanned_linn-sequencer_two-column_imageonly.pdf': null,
  'scanned_multipage_mostly-image.pdf': null,
};

const pdfDir = join(sharedDir(), 'pdfs');
let engine: DelveEngine;

before(async () => {
  engine = await createEngine({ dbPath: join(tempDir('doi-shared-'), 'library.db') });
  await engine.index([pdfDir]);
});
after(() => engine?.close());

test('the expected table covers every shared PDF', () => {
  assert.deepEqual(readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).sort(), Object.keys(EXPECTED).sort());
});

test("each shared PDF's DOI is the one printed on its first pages, or null", () => {
  const docs = engine.status().documents;
  const found: Record<string, string | null> = {};
  const sources: Record<string, string | undefined> = {};
  for (const file of Object.keys(EXPECTED)) {
    const doc = docs.find((d) => d.path === join(pdfDir, file));
    assert.ok(doc && doc.status !== 'error', `${file} was not indexed: ${doc?.message}`);
    const detail = engine.document(doc.id);
    found[file] = detail.doi;
    sources[file] = detail.sources.doi;
  }
  assert.deepEqual(found, EXPECTED);
  for (const [file, doi] of Object.entries(EXPECTED)) assert.equal(sources[file], doi === null ? undefined : 'pdf-text', file);
});

test('a PubMed result with one of these DOIs is marked as in the library, whatever its case', () => {
  const dois = Object.values(EXPECTED).filter((d): d is string => d !== null);
  const marks = engine.libraryMatches({ dois: dois.map((d) => d.toUpperCase()) }).dois;
  assert.deepEqual(Object.keys(marks).sort(), dois.map((d) => d.toLowerCase()).sort());
});
