/**
 * Bad input: a folder with a 0-byte PDF, a truncated PDF, an encrypted PDF, a PNG named .pdf, a
 * non-UTF-8 .txt, a 50 MB one-line .md, symlink loops, an unreadable file and a file deleted while
 * being indexed. Each gets its documented error code, the good files are indexed, nothing is lost.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, createWriteStream, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { createEngine, type IndexSummary } from '../../main/engine/index.js';
import { delve } from '../helpers/cli.js';
import { sharedDir, tempDir } from '../helpers/shared.js';

const GOOD_PDF = 'hindawi-rrp-2010-157939_heart-failure.pdf';

function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(1, 0); ihdr.writeUInt32BE(1, 4); ihdr[8] = 8; ihdr[9] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}

async function bigOneLine(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const piece = 'lorem ipsum dolor sit amet consectetur '.repeat(1000);
  for (let n = 0; n < bytes; n += piece.length) if (!out.write(piece)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function badFolder(): Promise<string> {
  const shared = sharedDir();
  const dir = join(tempDir(), 'bad');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  copyFileSync(join(shared, 'pdfs', GOOD_PDF), join(dir, 'good.pdf'));
  writeFileSync(join(dir, 'good.md'), '# Good note\n\nThe zebrafish regeneration assay worked.\n');
  writeFileSync(join(dir, 'empty.pdf'), '');
  const real = readFileSync(join(shared, 'pdfs', 'bmc-hsr-2014-14-1_healthcare-quality-malawi.pdf'));
  writeFileSync(join(dir, 'truncated.pdf'), real.subarray(0, Math.floor(real.length / 2)));
  const r = spawnSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', join(dir, 'good.pdf'), join(dir, 'encrypted.pdf')]);
  assert.equal(r.status, 0, `qpdf is needed for this test (apt-get install -y qpdf): ${r.stderr}`);
  writeFileSync(join(dir, 'image.pdf'), png());
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Notes de cuisine : crème brûlée, café au lait, pâté.\n', 'latin1'));
  await bigOneLine(join(dir, 'huge.md'), 50 * 1024 * 1024);
  symlinkSync('..', join(dir, 'sub', 'back'));
  symlinkSync('loop-b.md', join(dir, 'loop-a.md'));
  symlinkSync('loop-a.md', join(dir, 'loop-b.md'));
  writeFileSync(join(dir, 'vanishing.md'), '# Soon gone\n');
  return dir;
}

const codeOf = (s: IndexSummary, name: string) =>
  [...s.skipped, ...s.warnings].filter((x) => x.path.endsWith(`/${name}`)).map((x) => x.code);

test('each bad file gets its error code; the good files are indexed and nothing else is lost', { timeout: 300_000 }, async () => {
  const dir = await badFolder();
  const engine = await createEngine({ dbPath: join(tempDir(), 'bad.db') });
  try {
    const s = await engine.index([dir], {
      onProgress: (p) => { if (p.phase === 'parse' && p.done === 0) try { unlinkSync(join(dir, 'vanishing.md')); } catch { /* already gone */ } },
    });
    console.log(JSON.stringify([...s.skipped, ...s.warnings].map((x) => `${x.path.split('/bad/')[1]}: ${x.code}`)));
    assert.deepEqual(codeOf(s, 'empty.pdf'), ['EMPTY_FILE']);
    assert.deepEqual(codeOf(s, 'encrypted.pdf'), ['PDF_ENCRYPTED']);
    assert.deepEqual(codeOf(s, 'image.pdf'), ['NOT_A_PDF']);
    assert.deepEqual(codeOf(s, 'huge.md'), ['FILE_TOO_LARGE']);
    assert.deepEqual(codeOf(s, 'vanishing.md'), ['FILE_VANISHED']);
    assert.deepEqual(codeOf(s, 'back'), ['SYMLINK_LOOP']);
    assert.deepEqual(codeOf(s, 'loop-a.md'), ['SYMLINK_LOOP']);
    assert.deepEqual(codeOf(s, 'latin1.txt'), ['NOT_UTF8'], 'decoded with a detected encoding, with a warning');
    assert.ok(['PDF_TRUNCATED', 'PDF_CORRUPT'].includes(codeOf(s, 'truncated.pdf')[0] ?? ''), `truncated.pdf: ${codeOf(s, 'truncated.pdf')}`);

    assert.equal((await engine.search('zebrafish regeneration')).results[0]?.path, join(dir, 'good.md'));
    assert.equal((await engine.search('crème brûlée')).results[0]?.path, join(dir, 'latin1.txt'));
    const pdfHit = (await engine.search('heart failure rehabilitation')).results.find((r) => r.path === join(dir, 'good.pdf'));
    assert.ok(pdfHit && pdfHit.page !== null, 'the good PDF is searchable with pages');

    // A second run changes nothing and loses nothing.
    const again = await engine.index([dir]);
    assert.equal(again.documents, s.documents);
    assert.equal(again.chunks, s.chunks);
    assert.equal(again.changes.added + again.changes.updated + again.changes.removed, 0, JSON.stringify(again.changes));
  } finally {
    engine.close();
  }
});

test('an unreadable file gets FILE_UNREADABLE and the rest of its folder is indexed', { timeout: 120_000 }, async () => {
  const parent = tempDir();
  chmodSync(parent, 0o755);
  const dir = join(parent, 'perm');
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  writeFileSync(join(dir, 'open.md'), '# Open\n\nreadable axolotl text\n');
  writeFileSync(join(dir, 'secret.md'), '# Secret\n');
  chmodSync(join(dir, 'secret.md'), 0o000);
  // root reads any file: run the CLI as an unprivileged user so the permission is real.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = await delve(['index', dir, '--db', join(dir, 'perm.db'), '--json'], asUser);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout) as IndexSummary;
  assert.deepEqual(s.skipped.map((x) => [x.path.split('/').pop(), x.code]), [['secret.md', 'FILE_UNREADABLE']]);
  assert.equal(s.documents, 1);
});
