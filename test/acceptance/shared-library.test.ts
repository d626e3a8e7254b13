/**
 * Acceptance on the real shared library: `delve index ../shared/pdfs ../shared/notes --json`, page
 * counts against pdfinfo, scanned PDFs under needsOcr, non-Latin scripts searchable, and page truth:
 * a distinctive sentence from `pdftotext -f P -l P` finds that file and page at rank 1.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { before, test } from 'node:test';
import type { IndexSummary, SearchResponse, StatusReport } from '../../main/engine/api.js';
import { delveJson, rng, tool } from '../helpers/cli.js';
import { sharedDir, tempDir } from '../helpers/shared.js';

const shared = sharedDir();
const pdfDir = join(shared, 'pdfs');
const notesDir = join(shared, 'notes');
const db = join(tempDir(), 'library.db');
const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).sort();
let summary: IndexSummary;
let status: StatusReport;

function countNotes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) n += countNotes(join(dir, e.name));
    else if (/\.(md|markdown|txt)$/i.test(e.name)) n++;
  }
  return n;
}

before(async () => {
  summary = await delveJson<IndexSummary>(['index', pdfDir, notesDir, '--db', db]);
  status = await delveJson<StatusReport>(['status', '--db', db]);
  console.log(`indexed: ${JSON.stringify({ documents: summary.documents, pages: summary.pages, chunks: summary.chunks, skipped: summary.skipped.length, ms: summary.ms })}`);
});

test('every PDF and every note is indexed or skipped with a reason', () => {
  const byPath = new Map(status.documents.map((d) => [d.path, d]));
  for (const f of pdfs) {
    const d = byPath.get(join(pdfDir, f));
    assert.ok(d, `${f} is not in the library`);
    if (d.status === 'error') assert.ok(summary.skipped.some((s) => s.path === d.path && s.code), `${f} failed without a reason`);
  }
  const notes = status.documents.filter((d) => d.kind === 'note' && d.path.startsWith(notesDir + '/'));
  assert.equal(notes.length, countNotes(notesDir), 'every .md/.markdown/.txt file under notes/ is accounted for');
  for (const s of summary.skipped) assert.ok(s.code && s.message, `skipped entry without code/message: ${JSON.stringify(s)}`);
  console.log(`pdfs: ${pdfs.length}, notes: ${notes.length}, skipped: ${JSON.stringify(summary.skipped)}`);
});

test('the 4 scanned PDFs are reported under needsOcr, and no born-digital PDF is', () => {
  const flagged = summary.needsOcr.map((o) => basename(o.path)).sort();
  assert.deepEqual(flagged, pdfs.filter((f) => f.startsWith('scanned_')));
  console.log(`needsOcr: ${JSON.stringify(summary.needsOcr.map((o) => ({ file: basename(o.path), pages: o.pages })))}`);
});

test("every PDF's page count equals pdfinfo's", () => {
  for (const f of pdfs) {
    const info = tool('pdfinfo', [join(pdfDir, f)]);
    const expected = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const d = status.documents.find((x) => x.path === join(pdfDir, f));
    assert.equal(d?.pages, expected, `${f}: ${d?.pages} pages, pdfinfo says ${expected}`);
  }
});

test('a word from the Arabic PDF and one from the Korean PDF each find their file', async () => {
  for (const [file, word] of [['nonascii_arabic_right_to_left_01.pdf', arabicWord()], ['nonascii_korean_nars-issue-1695.pdf', koreanWord()]] as const) {
    const r = await delveJson<SearchResponse>(['search', word, '--db', db, '--k', '5']);
    assert.equal(basename(r.results[0]?.path ?? ''), file, `"${word}" should find ${file}`);
    console.log(`"${word}" → ${file} p. ${r.results[0]?.page}`);
  }
});

test('page truth: 20 random (PDF, page) pairs, a distinctive sentence finds that file and page at rank 1', async () => {
  const seed = Number(process.env.DELVE_SEED ?? 20261121);
  const random = rng(seed);
  const candidates = pdfs.filter((f) => !f.startsWith('scanned_'));
  const misses: string[] = [];
  let tried = 0;
  for (let picked = 0; picked < 20 && tried < 400; tried++) {
    const file = candidates[Math.floor(random() * candidates.length)]!;
    const full = tool('pdftotext', [join(pdfDir, file), '-']);
    const pages = full.split('\f');
    const page = 1 + Math.floor(random() * (pages.length - 1 || 1));
    const sentence = distinctiveSentence(pages[page - 1] ?? '', full, random);
    if (!sentence) continue;
    picked++;
    const r = await delveJson<SearchResponse>(['search', sentence, '--db', db, '--k', '3']);
    const top = r.results[0];
    const ok = top && basename(top.path) === file && top.page === page;
    console.log(`${ok ? 'ok  ' : 'MISS'} ${file} p.${page} "${sentence.slice(0, 60)}" → ${top ? `${basename(top.path)} p.${top.page}` : 'nothing'}`);
    if (!ok) misses.push(`${file} p.${page}`);
  }
  assert.equal(tried < 400, true, 'could not find 20 pages with a distinctive sentence');
  assert.deepEqual(misses, [], `seed ${seed}: misses`);
});

/** A sentence of 8 to 40 words from the page that occurs once in the whole document. */
function distinctiveSentence(pageText: string, fullText: string, random: () => number): string | null {
  const flat = (t: string) => t.replace(/-\n(?=\p{Ll})/gu, '').replace(/\s+/g, ' ').trim();
  const doc = flat(fullText);
  const sentences = flat(pageText).split(/(?<=[.!?。])\s+(?=[\p{Lu}\p{Lo}\d(])/u)
    .map((x) => x.trim())
    .filter((x) => { const n = x.split(' ').length; return n >= 8 && n <= 40 && /\p{L}{4}/u.test(x); });
  const unique = sentences.filter((x) => doc.split(x).length === 2);
  return unique.length ? unique[Math.floor(random() * unique.length)]! : null;
}

function arabicWord(): string {
  const text = tool('pdftotext', [join(pdfDir, 'nonascii_arabic_right_to_left_01.pdf'), '-']);
  return frequentWord(text, /\p{Script=Arabic}{5,}/gu);
}

function koreanWord(): string {
  const text = tool('pdftotext', [join(pdfDir, 'nonascii_korean_nars-issue-1695.pdf'), '-']);
  return frequentWord(text, /[\uAC00-\uD7A3]{3,}/gu);
}

/** The most frequent word of the script (longest first among equals): a word a reader would search. */
function frequentWord(text: string, re: RegExp): string {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(re)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const words = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || b.length - a.length || (a < b ? -1 : 1));
  assert.ok(words.length > 0, 'no word in the expected script found by pdftotext');
  return words[0]!;
}
