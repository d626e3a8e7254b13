/**
 * Bad DOCX, EPUB, HTML and scanned input, each with its documented code while the good files are
 * indexed: zip bombs, truncated and encrypted DOCX/EPUB, a 50 MB one-line HTML page (refused after
 * one linear pass when it is markup, indexed when the bulk is an inline image), and an unknown
 * OCR language. Huge page images: ocr-huge-page.test.ts; a 300-page scan cancelled halfway and
 * resumed: ocr-resume.test.ts.
 */
import assert from 'node:assert/strict';
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { createEngine, type IndexSummary } from '../../main/engine/index.js';
import { delve } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';

const enc = (s: string) => new TextEncoder().encode(s);
const CONTAINER = '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>';
const OPF = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Tiny</dc:title></metadata>
<manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>`;
const CHAPTER = '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>One</h1><p>A chapter about capybaras.</p></body></html>';

function epub(extra: Record<string, Uint8Array> = {}, chapter = enc(CHAPTER)): Uint8Array {
  return zipSync({ mimetype: enc('application/epub+zip'), 'META-INF/container.xml': enc(CONTAINER), 'OEBPS/content.opf': enc(OPF), 'OEBPS/c1.xhtml': chapter, ...extra }, { level: 9 });
}

function docxWith(documentXml: Uint8Array): Uint8Array {
  return zipSync({ '[Content_Types].xml': enc('<Types/>'), 'word/document.xml': documentXml }, { level: 9 });
}

/** Sets the "encrypted" flag of every entry (local and central headers), as a password-protected ZIP has. */
function flagEncrypted(zip: Uint8Array): Uint8Array {
  const out = Uint8Array.from(zip);
  const v = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50) v.setUint16(i + 6, v.getUint16(i + 6, true) | 1, true);
    if (sig === 0x02014b50) v.setUint16(i + 8, v.getUint16(i + 8, true) | 1, true);
  }
  return out;
}

async function oneLine(path: string, head: string, body: string, bytes: number, tail: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(head);
  const piece = body.repeat(Math.ceil(65536 / body.length));
  for (let n = 0; n < bytes; n += piece.length) if (!out.write(piece)) await once(out, 'drain');
  out.end(tail);
  await once(out, 'finish');
}

const codeOf = (s: IndexSummary, name: string) => s.skipped.find((k) => k.path.endsWith(name))?.code;

test('bad DOCX, EPUB and HTML: each its code, the good files indexed', { timeout: 300_000 }, async () => {
  const dir = tempDir('delve-baddocs-');
  const zeros = new Uint8Array(40 * 1048576).fill(0x20);
  writeFileSync(join(dir, 'bomb.docx'), docxWith(zeros));
  writeFileSync(join(dir, 'bomb.epub'), epub({}, zeros));
  const good = epub();
  writeFileSync(join(dir, 'good.epub'), good);
  writeFileSync(join(dir, 'truncated.epub'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(join(dir, 'truncated.docx'), docxWith(enc('<w:document/>')).subarray(0, 60));
  writeFileSync(join(dir, 'zipcrypto.docx'), flagEncrypted(docxWith(enc('<w:document/>'))));
  // An Office password-protected file: an OLE compound file holding the EncryptionInfo stream.
  const ole = Buffer.alloc(4096);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(ole, 0);
  Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
  writeFileSync(join(dir, 'password.docx'), ole);
  writeFileSync(join(dir, 'drm.epub'), epub({ 'META-INF/encryption.xml': enc('<encryption><enc:EncryptedData xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="OEBPS/c1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>') }));
  await oneLine(join(dir, 'oneline.html'), '<html><body><p>', 'lorem ipsum dolor sit amet ', 50 * 1048576, '</p></body></html>');
  await oneLine(join(dir, 'saved.html'), '<html><head><title>Saved page</title></head><body><p>The okapi saved page has an inline image.</p><img src="data:image/png;base64,', 'QUJDRA', 50 * 1048576, '"></body></html>');

  const engine = await createEngine({ dbPath: join(dir, 'lib.db'), ocr: { enabled: true } });
  try {
    const s = await engine.index([dir]);
    assert.equal(codeOf(s, 'bomb.docx'), 'ZIP_BOMB');
    assert.equal(codeOf(s, 'bomb.epub'), 'ZIP_BOMB');
    assert.equal(codeOf(s, 'truncated.epub'), 'DOC_TRUNCATED');
    assert.equal(codeOf(s, 'truncated.docx'), 'DOC_TRUNCATED');
    assert.equal(codeOf(s, 'zipcrypto.docx'), 'DOC_ENCRYPTED');
    assert.equal(codeOf(s, 'password.docx'), 'DOC_ENCRYPTED');
    assert.equal(codeOf(s, 'drm.epub'), 'DOC_ENCRYPTED');
    assert.equal(codeOf(s, 'oneline.html'), 'HTML_TOO_LARGE');
    assert.equal(codeOf(s, 'saved.html'), undefined, 'a page whose bulk is an inline image is indexed');
    assert.ok((await engine.search('okapi', { mode: 'bm25', history: false })).results.some((r) => r.path.endsWith('saved.html')));
    assert.ok((await engine.search('capybaras', { mode: 'bm25', history: false })).results.some((r) => r.path.endsWith('good.epub')));
  } finally {
    engine.close();
  }
});

test('an unknown OCR language is refused with OCR_LANGUAGE_UNKNOWN, by the engine and the CLI', async () => {
  const dir = tempDir('delve-ocrlang-');
  await assert.rejects(createEngine({ dbPath: join(dir, 'a.db'), ocr: { languages: ['eng', 'klingon'] } }), (e: { code?: string }) => e.code === 'OCR_LANGUAGE_UNKNOWN');
  await assert.rejects(createEngine({ dbPath: join(dir, 'a.db'), ocr: { languages: ['xyz'] } }), (e: { code?: string; message?: string }) => e.code === 'OCR_LANGUAGE_UNKNOWN' && /installed are .*eng/.test(e.message ?? ''));
  const r = await delve(['index', dir, '--db', join(dir, 'b.db'), '--ocr-lang', 'xyz']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /OCR_LANGUAGE_UNKNOWN/);
  const bad = await delve(['index', dir, '--db', join(dir, 'b.db'), '--ocr-data', 'best']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--ocr-data must be auto, bundled or system/);
});
