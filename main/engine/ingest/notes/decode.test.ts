import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { EngineError } from '../../errors.js';
import { decodeText } from './decode.js';

const bytes = (...parts: (number[] | Buffer)[]) => new Uint8Array(Buffer.concat(parts.map((p) => (Array.isArray(p) ? Buffer.from(p) : p))));

test('valid UTF-8 decodes as utf-8 without warnings', () => {
  const r = decodeText(bytes(Buffer.from('héllo wörld ☕ 日本')));
  assert.deepEqual(r, { text: 'héllo wörld ☕ 日本', encoding: 'utf-8', warnings: [] });
});

test('a UTF-8 BOM is stripped', () => {
  const r = decodeText(bytes([0xef, 0xbb, 0xbf], Buffer.from('# Title\n')));
  assert.equal(r.text, '# Title\n');
  assert.equal(r.encoding, 'utf-8');
  assert.deepEqual(r.warnings, []);
});

test('UTF-16 LE and BE with a BOM are decoded (their NULs are not "binary")', () => {
  const le = Buffer.from('café ☕ 日本\n', 'utf16le');
  const be = Buffer.from(le).swap16();
  assert.deepEqual(decodeText(bytes([0xff, 0xfe], le)), { text: 'café ☕ 日本\n', encoding: 'utf-16le', warnings: [] });
  assert.deepEqual(decodeText(bytes([0xfe, 0xff], be)), { text: 'café ☕ 日本\n', encoding: 'utf-16be', warnings: [] });
});

test('latin-1 "café" is decoded as windows-1252 with a NOT_UTF8 warning', () => {
  const r = decodeText(bytes(Buffer.from('café', 'latin1')));
  assert.equal(r.text, 'café');
  assert.equal(r.encoding, 'windows-1252');
  assert.deepEqual(r.warnings, [{ code: 'NOT_UTF8', message: 'decoded as windows-1252 (no encoding detected; assumed)' }]);
});

test('a longer latin-1 text is detected by chardet (ISO-8859-1 read as windows-1252)', () => {
  const r = decodeText(bytes(Buffer.from('Notes de cuisine : crème brûlée, café au lait, pâté.\n', 'latin1')));
  assert.equal(r.text, 'Notes de cuisine : crème brûlée, café au lait, pâté.\n');
  assert.deepEqual(r.warnings, [{ code: 'NOT_UTF8', message: 'decoded as windows-1252' }]);
});

test('windows-1252 curly quotes decode to the right characters', () => {
  const r = decodeText(bytes(Buffer.from('He said '), [0x93], Buffer.from('caf'), [0xe9, 0x94], Buffer.from(' and left.')));
  assert.equal(r.text, 'He said “café” and left.');
  assert.equal(r.warnings[0]?.code, 'NOT_UTF8');
});

test('Shift_JIS is detected and named in the warning', () => {
  const source = '日本語のテキストです。これは文字コードのテストです。ひらがなとカタカナと漢字。';
  const r = decodeText(new Uint8Array(iconv.encode(source, 'Shift_JIS')));
  assert.equal(r.text, source);
  assert.equal(r.encoding, 'shift_jis');
  assert.deepEqual(r.warnings, [{ code: 'NOT_UTF8', message: 'decoded as shift_jis' }]);
});

test('mostly UTF-8 with a stray latin-1 byte keeps its accents: U+FFFD for the bad byte, NOT_UTF8', () => {
  const r = decodeText(bytes(Buffer.from('Grüße – naïve café '), Buffer.from('é', 'latin1'), Buffer.from(' end')));
  assert.equal(r.text, 'Grüße – naïve café \uFFFD end');
  assert.equal(r.encoding, 'utf-8');
  assert.deepEqual(r.warnings, [{ code: 'NOT_UTF8', message: 'decoded as utf-8 with 1 invalid byte replaced' }]);
});

test('NUL bytes without a UTF-16 BOM are binary: ENCODING_UNSUPPORTED', () => {
  const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  assertUnsupported(() => decodeText(png));
  assertUnsupported(() => decodeText(bytes(Buffer.from('text then'), [0], Buffer.from('a NUL'))));
});

test('noise without NULs is binary too: ENCODING_UNSUPPORTED', () => {
  let seed = 7;
  const noise = new Uint8Array(4096).map(() => 1 + ((seed = (seed * 1103515245 + 12345) >>> 0) % 255));
  assertUnsupported(() => decodeText(noise));
});

test('CRLF and lone CR become LF; text is NFC-normalised', () => {
  assert.equal(decodeText(bytes(Buffer.from('a\r\nb\rc\n\r\nd'))).text, 'a\nb\nc\n\nd');
  const r = decodeText(bytes(Buffer.from('Cafe\u0301 Ame\u0301lie')));
  assert.equal(r.text, 'Café Amélie');
  assert.equal(r.text.length, 11);
  assert.equal(decodeText(bytes([0xff, 0xfe], Buffer.from('x\r\ny', 'utf16le'))).text, 'x\ny');
});

test('empty input decodes to empty text', () => {
  assert.deepEqual(decodeText(new Uint8Array(0)), { text: '', encoding: 'utf-8', warnings: [] });
});

function assertUnsupported(fn: () => unknown): void {
  assert.throws(fn, (err: unknown) => err instanceof EngineError && err.code === 'ENCODING_UNSUPPORTED');
}
