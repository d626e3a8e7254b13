/**
 * Damaged and hostile inputs, built in a temp dir from the shared PDFs (qpdf makes the encrypted
 * and the broken-page files): each ends in the expected EngineError code or warning.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test, { after } from 'node:test';
import { EngineError, type ErrorCode } from '../../errors.js';
import type { ExtractedDoc } from '../../types.js';
import { extractPdf } from './extract.js';
import { pdfPath, tool } from '../../../../test/helpers/pdf-fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'delve-pdf-errors-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = 'hindawi-rrp-2010-157939_heart-failure.pdf';
const good = readFileSync(pdfPath(GOOD));

/** Writes the bytes to the temp dir and extracts them back from disk. */
function run(name: string, bytes: Uint8Array): Promise<ExtractedDoc> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return extractPdf(new Uint8Array(readFileSync(file)), { path: file });
}

async function rejectsWith(p: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof EngineError, `not an EngineError: ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return true;
  });
}

function png(): Uint8Array {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const ihdr = [0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89];
  const iend = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
  return new Uint8Array([...sig, ...ihdr, ...iend]);
}

test('a 0-byte file is EMPTY_FILE', async () => {
  await rejectsWith(run('empty.pdf', new Uint8Array(0)), 'EMPTY_FILE');
});

test("a PNG's bytes are NOT_A_PDF", async () => {
  await rejectsWith(run('image.pdf', png()), 'NOT_A_PDF');
});

test('a %PDF- header later than 1024 bytes is NOT_A_PDF; within 1024 bytes is fine', async () => {
  const junk = (n: number): Uint8Array => new Uint8Array(n).fill(0x20);
  await rejectsWith(run('late-header.pdf', Buffer.concat([junk(2000), good])), 'NOT_A_PDF');
  const doc = await run('early-header.pdf', Buffer.concat([junk(500), good]));
  assert.equal(doc.pages.length, 6);
});

test('the first half of a real PDF is PDF_CORRUPT (and said to look truncated)', async () => {
  for (const f of [GOOD, 'acl_2020.acl-main.207_SPECTER.pdf', 'bmc-hsr-2014-14-1_healthcare-quality-malawi.pdf']) {
    const bytes = readFileSync(pdfPath(f));
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    await assert.rejects(run(`half-${f}`, half), (err: unknown) => {
      assert.ok(err instanceof EngineError);
      assert.equal(err.code, 'PDF_CORRUPT', f);
      assert.match(err.message, /truncated/);
      return true;
    });
  }
});

test('a PDF cut before its trailer still opens, with a PDF_TRUNCATED warning', async () => {
  const cut = good.subarray(0, good.lastIndexOf('startxref'));
  const doc = await run('cut.pdf', cut);
  assert.deepEqual(doc.warnings.map((w) => w.code), ['PDF_TRUNCATED']);
  const whole = await extractPdf(new Uint8Array(good));
  assert.equal(doc.pages.length, 6);
  assert.equal(doc.text, whole.text);
  assert.deepEqual(whole.warnings, []);
});

test('garbage after a PDF header is PDF_CORRUPT', async () => {
  await rejectsWith(run('garbage.pdf', Buffer.from('%PDF-1.7\n' + 'x'.repeat(3000) + '\n%%EOF\n')), 'PDF_CORRUPT');
});

test('a PDF encrypted with a user password is PDF_ENCRYPTED; an empty user password opens', async () => {
  const src = path.join(dir, 'good.pdf');
  writeFileSync(src, good);
  const locked = path.join(dir, 'locked.pdf');
  const open = path.join(dir, 'open.pdf');
  tool('qpdf', ['--encrypt', 'user', 'owner', '256', '--', src, locked]);
  tool('qpdf', ['--encrypt', '', 'owner', '256', '--', src, open]);
  await rejectsWith(extractPdf(new Uint8Array(readFileSync(locked))), 'PDF_ENCRYPTED');
  const doc = await extractPdf(new Uint8Array(readFileSync(open)));
  const plain = await extractPdf(new Uint8Array(good));
  assert.equal(doc.pages.length, 6);
  assert.equal(doc.text, plain.text);
});

test('a page that cannot be loaded is left empty with a PDF_CORRUPT warning naming it', async () => {
  // Rewrite the last page's dictionary as a string, in qpdf's editable QDF form, then fix offsets.
  const src = path.join(dir, 'src.pdf');
  const qdf = path.join(dir, 'q.pdf');
  writeFileSync(src, good);
  tool('qpdf', ['--qdf', '--object-streams=disable', src, qdf]);
  const text = readFileSync(qdf, 'latin1');
  const re = /(%% Page 6\n%% Original object ID: \d+ \d+\n\d+ 0 obj\n)<<[\s\S]*?\n>>\nendobj/;
  assert.match(text, re, 'qpdf QDF layout changed');
  writeFileSync(qdf, text.replace(re, '$1(not a page)\nendobj'), 'latin1');
  const fixed = spawnSync('fix-qdf', [qdf]); // binary output: not through tool()
  assert.equal(fixed.status, 0, `fix-qdf (from qpdf) failed: ${fixed.error?.message ?? fixed.stderr}`);
  const doc = await run('broken-page.pdf', fixed.stdout);
  assert.equal(doc.pages.length, 6);
  assert.deepEqual(doc.warnings.map((w) => w.code), ['PDF_CORRUPT']);
  assert.match(doc.warnings[0]!.message, /page 6/);
  assert.equal(doc.pages[5]!.text, '');
  assert.ok(doc.pages.slice(0, 5).every((p) => p.text.length > 1000), 'the other pages keep their text');
});
