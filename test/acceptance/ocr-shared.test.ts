/**
 * OCR acceptance on the 4 scanned PDFs of ../shared/pdfs (8 image-only pages, English and French,
 * one two-column): after `index`, nothing needs OCR and every scanned page has text; per page,
 * Delve's text against Debian's `tesseract` CLI on the same rendered page image: with Delve's
 * bundled npm data, against the CLI given that same data (character similarity ≥ 0.95); with
 * `data: 'auto'`, which reads Tesseract's installed data here (Debian's tessdata_fast), against the
 * CLI with that same folder (≥ 0.90 on every page, ≥ 0.95 on the pages of running text); and a
 * distinctive word of the CLI's output for each page finds that file and page at rank 1. Only the 8
 * scanned pages are OCR'd (twice: once per data source, in two libraries).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createEngine } from '../../main/engine/index.js';
import { systemLanguages, systemTessdataRoots } from '../../main/engine/ocr/tessdata.js';
import { npmTessdata, renderPages, similarity, tesseractMissing, tesseractText } from '../helpers/ocr-reference.js';
import { sharedDir, tempDir } from '../helpers/shared.js';

const LANGS = ['eng'];
const missing = tesseractMissing();
/** Pages of running text (not the two-line page, not the chart), where the system data's text is held to ≥ 0.95. */
const RUNNING_TEXT = (name: string, page: number) => !(name === 'scanned_multipage_mostly-image.pdf' && (page === 2 || page === 3));

test('scanned pages: OCR text for every page, close to the tesseract CLI, each found by a word of its own', { skip: missing ?? false, timeout: 600_000 }, async () => {
  const pdfDir = join(sharedDir(), 'pdfs');
  const dir = tempDir('delve-ocr-');
  const scanned = readdirSync(pdfDir).filter((f) => f.startsWith('scanned_')).map((f) => join(pdfDir, f));
  assert.equal(scanned.length, 4);
  // The whole folder's text layers first (OCR off), then OCR of the scanned files only (CPU).
  const plain = await createEngine({ dbPath: join(dir, 'lib.db'), ocr: { enabled: false } });
  try {
    const s = await plain.index([pdfDir]);
    assert.equal(s.needsOcr.reduce((n, d) => n + d.pages.length, 0), 8, 'OCR off: the 8 scanned pages are listed');
    assert.equal(s.ocr, undefined);
  } finally {
    plain.close();
  }
  const engine = await createEngine({ dbPath: join(dir, 'lib.db'), ocr: { enabled: true, languages: LANGS, data: 'bundled' } });
  try {
    const o = (await engine.index(scanned)).ocr;
    assert.equal(o?.data?.source, 'bundled');
    assert.ok(o && o.recognised === 8 && o.cached === 0 && o.failed.length === 0, JSON.stringify(o));
    const s = await engine.index([pdfDir]);
    assert.deepEqual(s.needsOcr, [], 'no page of the folder is left needing OCR');
    assert.equal(s.ocr?.recognised, 0, 'nothing is recognised twice');
    const tessdata = npmTessdata(LANGS);
    const pages: { path: string; page: number; delve: string; cli: string }[] = [];
    for (const path of scanned) {
      const detail = await engine.document(engineDocId(engine, path));
      const ocrPages = detail.pages.filter((p) => p.ocr !== undefined).map((p) => p.page);
      assert.ok(ocrPages.length > 0, `${path} has OCR'd pages`);
      for (const p of detail.pages) assert.ok(p.text.trim().length > 0, `${path} page ${p.page} has text`);
      assert.equal(detail.ocr, 'done');
      const pngs = await renderPages(path, ocrPages, dir, `p${pages.length}`);
      ocrPages.forEach((n, i) => pages.push({ path, page: n, delve: detail.pages.find((p) => p.page === n)!.text, cli: tesseractText(pngs[i]!, LANGS, tessdata) }));
    }
    assert.equal(pages.length, 8);
    const candidates = distinctiveWords(pages.map((p) => p.cli), (i, j) => similarity(pages[i]!.cli, pages[j]!.cli) > 0.9);
    // Distinctive in the library too: the first candidate no other (text-layer) document contains.
    const words: string[] = [];
    for (const list of candidates) {
      let chosen: string | undefined;
      for (const w of list) {
        const r = await engine.search(w, { mode: 'bm25', k: 20, history: false });
        if (r.results.every((x) => scanned.includes(x.path))) { chosen = w; break; }
      }
      // A page with no such word (a bar chart's few labels) is queried by its words together.
      words.push(chosen ?? list.join(' '));
    }
    for (const [i, p] of pages.entries()) {
      const sim = similarity(p.delve, p.cli);
      console.log(`ocr similarity, bundled data: ${p.path.split('/').pop()} p${p.page}: ${sim.toFixed(4)} to the CLI with the same data (word "${words[i]}")`);
      assert.ok(sim >= 0.95, `${p.path} page ${p.page}: similarity ${sim.toFixed(4)} to the tesseract CLI`);
      const r = await engine.search(words[i]!, { mode: 'bm25', k: 5, history: false });
      // Two of the pages are the same scan (Huckleberry Finn p. 22, alone and inside the multipage
      // PDF): their words are shared, so either may come first, with the very same score.
      const top = r.results.filter((x) => x.score === r.results[0]?.score);
      assert.ok(top.some((x) => x.path === p.path && x.page === p.page), `"${words[i]}" finds ${p.path} page ${p.page} at rank 1: ${JSON.stringify(r.results.slice(0, 3).map((x) => [x.path, x.page, x.score]))}`);
      if (top.length > 1) console.log(`  "${words[i]}": ${top.length} pages tie at rank 1 (the same scan in two files)`);
    }
  } finally {
    engine.close();
  }
  await systemComparison(dir, scanned);
});

/**
 * `data: 'auto'` with Tesseract's data installed (Debian's tesseract-ocr-eng here): Delve reads the
 * system's folder, and its text is compared with the CLI's on the same PNG with that folder.
 */
async function systemComparison(dir: string, scanned: string[]): Promise<void> {
  const eng = systemLanguages(systemTessdataRoots()).get('eng');
  if (!eng) {
    console.log('ocr similarity, system data: not measured, no Tesseract eng.traineddata on this computer');
    return;
  }
  const engine = await createEngine({ dbPath: join(dir, 'auto.db'), ocr: { enabled: true, languages: LANGS, data: 'auto' } });
  try {
    const o = (await engine.index(scanned)).ocr;
    assert.ok(o && o.recognised === 8 && o.failed.length === 0, JSON.stringify(o));
    assert.equal(o.data?.source, 'system', 'auto reads the system data when it has the languages');
    const folder = o.data.folder;
    const sims: number[] = [];
    for (const path of scanned) {
      const detail = engine.document(engineDocId(engine, path));
      const ocrPages = detail.pages.filter((p) => p.ocr !== undefined);
      const pngs = await renderPages(path, ocrPages.map((p) => p.page), dir, `s${sims.length}`);
      for (const [i, p] of ocrPages.entries()) {
        const name = path.split('/').pop()!;
        const sim = similarity(p.text, tesseractText(pngs[i]!, LANGS, folder));
        sims.push(sim);
        console.log(`ocr similarity, system data (${folder}): ${name} p${p.page}: ${sim.toFixed(4)} to the CLI with the same data`);
        assert.ok(sim >= 0.9, `${name} page ${p.page}: similarity ${sim.toFixed(4)} to the tesseract CLI with the system data`);
        if (RUNNING_TEXT(name, p.page)) assert.ok(sim >= 0.95, `${name} page ${p.page} (running text): similarity ${sim.toFixed(4)}`);
      }
    }
    assert.equal(sims.length, 8);
  } finally {
    engine.close();
  }
}

function engineDocId(engine: Awaited<ReturnType<typeof createEngine>>, path: string): number {
  const d = engine.status().documents.find((x) => x.path === path);
  assert.ok(d, `${path} is indexed`);
  return d.id;
}

/** Per text, its words (letters only, ≥ 4; longest first) that occur in no other text of the list (save copies of it). */
function distinctiveWords(texts: string[], sameScan: (i: number, j: number) => boolean): string[][] {
  // Whole tokens as the index splits them (letters and digits), kept when all letters: "0ppose" is no word.
  const sets = texts.map((t) => new Set((t.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /^\p{L}{4,}$/u.test(w)).map((w) => w.toLowerCase())));
  return sets.map((set, i) => {
    const own = [...set].filter((w) => sets.every((o, j) => j === i || sameScan(i, j) || !o.has(w)));
    own.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    own.splice(12);
    assert.ok(own.length > 0, `text ${i} has a word of its own`);
    return own;
  });
}
