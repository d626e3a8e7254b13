/**
 * Reading order on the two-column papers, measured against pdftotext (default mode, which reads
 * column by column): its lines of 6+ words must occur contiguously in our page text, and so must
 * pairs of consecutive such lines. Lines are compared with whitespace removed: the two tools space
 * small capitals ("S PECTER"), sub/superscripts ("Tyr369 .") and math differently, which says
 * nothing about order. The strict rate (whitespace collapsed, not removed) is printed too. A naive top-to-bottom, left-to-right reading of the same
 * fragments (no XY-cut) is scored the same way to show that the pair check catches interleaved
 * columns.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { toFragments } from './items.js';
import { buildRows, joinFrags, orderRow } from './lines.js';
import { openPdf } from './load.js';
import { extracted, normalize, pdfPath, pdftotextPages, sharedPdfs } from '../../../../test/helpers/pdf-fixtures.js';

const TWO_COLUMN = sharedPdfs().filter((f) => /^(acl_|bmc-|clinsci-|hindawi-)/.test(f));

/** Alphanumerics only: tolerates the tools' different spacing around sub/superscripts and math. */
function skeleton(s: string): string {
  return s.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}

interface Score { lines: number; linesOk: number; strictOk: number; pairs: number; pairsOk: number; skeletonOk: number }

const unspaced = (s: string): string => s.replace(/\s+/g, '');

function score(reference: string[], ours: string[]): Score {
  const s: Score = { lines: 0, linesOk: 0, strictOk: 0, pairs: 0, pairsOk: 0, skeletonOk: 0 };
  reference.forEach((refPage, i) => {
    const page = normalize(ours[i] ?? '');
    const pageUnspaced = unspaced(page);
    const pageSkeleton = skeleton(page);
    const lines = refPage.split('\n').map(normalize);
    const long = (l: string | undefined): l is string => l !== undefined && l.split(' ').length >= 6;
    lines.forEach((line, j) => {
      if (!long(line)) return;
      s.lines++;
      // A line ending in a hyphen continues in a word we joined back: compare without the hyphen.
      const bare = line.replace(/-$/, '');
      if (pageUnspaced.includes(unspaced(bare))) s.linesOk++;
      if (page.includes(bare)) s.strictOk++;
      if (pageSkeleton.includes(skeleton(line))) s.skeletonOk++;
      const next = lines[j + 1];
      if (long(next)) {
        s.pairs++;
        if (pageSkeleton.includes(skeleton(line + next))) s.pairsOk++;
      }
    });
  });
  return s;
}

/** Rows top to bottom, each read left to right across the whole page: interleaves columns. */
async function naivePages(file: string): Promise<string[]> {
  const opened = await openPdf(new Uint8Array(readFileSync(pdfPath(file))));
  try {
    const pages: string[] = [];
    for (let n = 1; n <= opened.doc.numPages; n++) {
      const page = await opened.doc.getPage(n);
      const frags = toFragments(await page.getTextContent())[0] ?? [];
      pages.push(buildRows(frags).map((row) => joinFrags(orderRow(row))).join('\n'));
    }
    return pages;
  } finally {
    await opened.close();
  }
}

const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)}%`;

for (const file of TWO_COLUMN) {
  test(`reading order: ${file}`, async () => {
    const reference = pdftotextPages(file);
    const ours = score(reference, (await extracted(file)).pages.map((p) => p.text));
    const naive = score(reference, await naivePages(file));
    console.log(`${file}: lines ${pct(ours.linesOk, ours.lines)} (${ours.linesOk}/${ours.lines}), `
      + `strict ${pct(ours.strictOk, ours.lines)}, alphanumeric ${pct(ours.skeletonOk, ours.lines)}, `
      + `line pairs ${pct(ours.pairsOk, ours.pairs)} (${ours.pairsOk}/${ours.pairs}); `
      + `naive order: line pairs ${pct(naive.pairsOk, naive.pairs)}`);
    assert.ok(ours.lines >= 100, 'too few reference lines to judge');
    assert.ok(ours.linesOk >= 0.9 * ours.lines, `only ${pct(ours.linesOk, ours.lines)} of pdftotext's lines found`);
    assert.ok(ours.pairsOk >= 0.85 * ours.pairs, `only ${pct(ours.pairsOk, ours.pairs)} of consecutive line pairs found`);
    // The control: reading straight across both columns fails the pair check.
    assert.ok(naive.pairsOk < 0.6 * naive.pairs, `naive order scored ${pct(naive.pairsOk, naive.pairs)}: the check cannot tell`);
  });
}
