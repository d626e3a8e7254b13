/**
 * extractPdf on the 16 shared PDFs, checked against poppler: page counts, OCR flags, scripts,
 * DOIs, offsets, labels, metadata; plus cancellation and buffer ownership.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { extractPdf } from './extract.js';
import { extracted, normalize, pdfPath, pdftotextPages, sharedPdfs, tool } from '../../../../test/helpers/pdf-fixtures.js';

const pdfs = sharedPdfs();

test('the shared folder holds the 16 PDFs', () => {
  assert.equal(pdfs.length, 16, pdfs.join(', '));
});

test("every PDF's page count equals pdfinfo's, pages numbered 1..n", async () => {
  for (const f of pdfs) {
    const expected = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [pdfPath(f)]))?.[1]);
    const doc = await extracted(f);
    assert.equal(doc.pages.length, expected, `${f}: ${doc.pages.length} pages, pdfinfo says ${expected}`);
    assert.deepEqual(doc.pages.map((p) => p.number), Array.from({ length: expected }, (_, i) => i + 1), f);
    assert.equal(doc.metadata.pageCount, expected, f);
  }
});

test('the 4 scanned PDFs have needsOcr pages, no born-digital page is flagged', async () => {
  for (const f of pdfs) {
    const doc = await extracted(f);
    const flagged = doc.pages.filter((p) => p.needsOcr).map((p) => p.number);
    if (f.startsWith('scanned_')) assert.ok(flagged.length > 0, `${f}: no page flagged for OCR`);
    else assert.deepEqual(flagged, [], `${f}: born-digital pages flagged for OCR`);
  }
});

test('an Arabic word and a Korean word from pdftotext appear in the text', async () => {
  const cases = [
    ['nonascii_arabic_right_to_left_01.pdf', /\p{Script=Arabic}{5,}/gu],
    ['nonascii_korean_nars-issue-1695.pdf', /\p{Script=Hangul}{4,}/gu],
  ] as const;
  for (const [file, re] of cases) {
    const words = [...new Set(pdftotextPages(file).join('\n').normalize('NFKC').match(re) ?? [])]
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    assert.ok(words.length >= 5, `${file}: pdftotext found no words in the script`);
    const text = (await extracted(file)).text.normalize('NFKC');
    // The longest word, and nearly all of the 20 longest.
    assert.ok(text.includes(words[0]!), `${file}: "${words[0]}" missing`);
    const top = words.slice(0, 20);
    const found = top.filter((w) => text.includes(w));
    assert.ok(found.length >= top.length * 0.9, `${file}: missing ${top.filter((w) => !found.includes(w)).join(' ')}`);
    console.log(`${file}: "${words[0]}" found; ${found.length}/${top.length} longest words found`);
  }
});

test('the Korean PDF extracts Hangul (cMaps are loaded)', async () => {
  const doc = await extracted('nonascii_korean_nars-issue-1695.pdf');
  const hangul = doc.text.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  assert.ok(hangul > 1000, `only ${hangul} Hangul characters`);
});

test('DOI: the first DOI pdftotext shows on pages 1-2, or none', async () => {
  const found: string[] = [];
  for (const f of pdfs) {
    const m = /10\.\d{4,9}\/[^\s"<>]+/u.exec(pdftotextPages(f, ['-l', '2']).join('\n'));
    const expected = m ? m[0].replace(/[.,;:)\]}'"]+$/u, '') : null;
    const doc = await extracted(f);
    assert.equal(doc.doi, expected, f);
    if (doc.doi) found.push(`${f} → ${doc.doi}`);
  }
  assert.equal((await extracted('peerj-cs-118_VESPA.pdf')).doi, '10.7717/peerj-cs.118');
  assert.ok(found.length >= 5, found.join('\n'));
  console.log(found.join('\n'));
});

test('text, pages, pageStarts and blocks agree to the character', async () => {
  for (const f of pdfs) {
    const doc = await extracted(f);
    assert.equal(doc.kind, 'pdf');
    assert.equal(doc.text, doc.pages.map((p) => p.text).join('\n\n'), f);
    assert.equal(doc.pageStarts.length, doc.pages.length, f);
    doc.pages.forEach((p, i) => {
      const start = doc.pageStarts[i]!;
      assert.equal(doc.text.slice(start, start + p.text.length), p.text, `${f} p.${p.number}`);
      const own = doc.blocks.filter((b) => b.page === p.number);
      assert.equal(own.map((b) => b.text).join('\n\n'), p.text, `${f} p.${p.number}: blocks do not tile the page`);
      for (const b of own) {
        assert.ok(b.start >= start && b.end <= start + p.text.length, `${f} p.${p.number}: block outside its page`);
      }
    });
    let last = -1;
    for (const b of doc.blocks) {
      assert.equal(doc.text.slice(b.start, b.end), b.text, `${f}: block offsets`);
      assert.ok(b.start > last && b.end > b.start, `${f}: blocks out of order or empty`);
      assert.ok(!b.text.includes('\n\n'), `${f}: a block spans paragraphs`);
      assert.ok(Array.isArray(b.headingPath), f);
      last = b.end;
    }
  }
});

test('headings: numbered sections and References are found and carried across pages', async () => {
  const doc = await extracted('acl_2020.acl-main.207_SPECTER.pdf');
  const paths = new Set(doc.blocks.map((b) => b.headingPath.join(' > ')));
  for (const h of ['Abstract', '1 Introduction', '2 Model > 2.1 Overview', '5 Results', 'References']) {
    assert.ok(paths.has(h), `missing heading path "${h}" in ${[...paths].join(' | ')}`);
  }
  const page2 = doc.blocks.find((b) => b.page === 2)!;
  assert.deepEqual(page2.headingPath, ['1 Introduction'], 'page 2 opens inside the Introduction');
});

test('page labels come from the PDF when it has them', async () => {
  const psych = await extracted('intpsychogeriatrics-2014-26-147_NC.pdf');
  assert.deepEqual(psych.pages.map((p) => p.label), ['147', '148', '149', '150', '151', '152', '153', '154']);
  const specter = await extracted('acl_2020.acl-main.207_SPECTER.pdf');
  assert.ok(specter.pages.every((p) => p.label === null));
});

test('metadata: info dict when meaningful, else the first page', async () => {
  const specter = await extracted('acl_2020.acl-main.207_SPECTER.pdf');
  assert.equal(specter.title, 'SPECTER: Document-level Representation Learning using Citation-informed Transformers');
  assert.deepEqual(specter.authors, ['Arman Cohan', 'Sergey Feldman', 'Iz Beltagy', 'Doug Downey', 'Daniel Weld']);
  assert.equal(specter.year, 2020);
  assert.equal(specter.metadata.Producer, 'pdfTeX-1.40.17');
  // Info Title "6489122611071476 1..10" is junk: the title comes from page 1.
  const bmc = await extracted('bmc-hsr-2014-14-1_healthcare-quality-malawi.pdf');
  assert.match(bmc.title ?? '', /^Understanding the barriers to setting up a healthcare quality improvement process/);
  assert.equal(bmc.metadata.Title, '6489122611071476 1..10');
  // No info title at all, authors separated by affiliation marks.
  const longeval = await extracted('acl_2023.eacl-main.121_LongEval.pdf');
  assert.match(longeval.title ?? '', /^LONGEVAL: Guidelines for Human Evaluation of Faithfulness/);
  assert.deepEqual(longeval.authors.slice(0, 3), ['Kalpesh Krishna', 'Erin Bransom', 'Bailey Kuehl']);
  // "Research Article" is as large as the title; the info Author is "Nuala E. Tully {et al.}".
  const hindawi = await extracted('hindawi-rrp-2010-157939_heart-failure.pdf');
  assert.equal(hindawi.title, 'Patient Experiences of Structured Heart Failure Programmes');
  assert.deepEqual(hindawi.authors, ['Nuala E. Tully', 'Karen M. Morgan', 'Helen M. Burke', 'Hannah M. McGee']);
  assert.equal(hindawi.year, 2010);
  const scan = await extracted('scanned_francais_diacritics_imageonly.pdf');
  assert.equal(scan.title, null, '"Adobe Photoshop PDF" is not a title');
});

test('reading order on page 1 of SPECTER: title, authors, abstract, then the left column before the right', async () => {
  const text = normalize((await extracted('acl_2020.acl-main.207_SPECTER.pdf')).pages[0]!.text);
  const at = (s: string): number => {
    const i = text.indexOf(s);
    assert.ok(i >= 0, `"${s}" missing`);
    return i;
  };
  const order = [
    'SPECTER: Document-level Representation', 'Arman Cohan', 'Abstract', 'Representation learning is a critical',
    '1 Introduction', 'While such models are widely used for representing individual words',
    'or sentences, extensions to whole-document', 'In this paper, we introduce a new method',
  ].map(at);
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'out of order');
});

test('hyphenated line ends are joined', async () => {
  const text = (await extracted('acl_2020.acl-main.207_SPECTER.pdf')).text;
  assert.ok(text.includes('critical ingredient for natural language'), 'ingre- dient');
  assert.ok(!/ingre- ?dient/.test(text));
});

test('an aborted signal stops extraction with its AbortError', async () => {
  const bytes = new Uint8Array(readFileSync(pdfPath('large_NIST.SP.800-171r2_113pages.pdf')));
  await assert.rejects(extractPdf(bytes, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  const ctl = new AbortController();
  const run = extractPdf(bytes, { signal: ctl.signal });
  setTimeout(() => ctl.abort(), 50);
  await assert.rejects(run, { name: 'AbortError' });
});

test("the caller's buffer is left intact and repeated runs give the same result", async () => {
  const bytes = new Uint8Array(readFileSync(pdfPath('hindawi-rrp-2010-157939_heart-failure.pdf')));
  const size = bytes.byteLength;
  const a = await extractPdf(bytes);
  assert.equal(bytes.byteLength, size, 'the input buffer was detached');
  const b = await extractPdf(bytes);
  assert.equal(a.text, b.text);
});
