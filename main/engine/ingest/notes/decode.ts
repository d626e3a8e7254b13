/**
 * Bytes → text for notes. Order of decisions:
 *  1. UTF-8 BOM → stripped, the rest must be UTF-8; UTF-16 LE/BE BOM → decoded as UTF-16.
 *  2. NUL bytes in the first 8 KB (without a UTF-16 BOM) → binary: ENCODING_UNSUPPORTED.
 *  3. Valid UTF-8 (ASCII included) → 'utf-8', no warning. Mostly-UTF-8 (more valid multi-byte
 *     sequences than invalid bytes: text pasted together from two sources) → 'utf-8' with the
 *     invalid bytes replaced by U+FFFD and a NOT_UTF8 warning, rather than garbling every accent.
 *  4. Otherwise chardet ranks legacy encodings on a sample around the first non-ASCII byte; the best
 *     one iconv-lite can decode wins (ISO-8859-1 is read as its superset windows-1252, as browsers
 *     do). When chardet offers none but the bytes are mostly ASCII text, windows-1252 is used. Either
 *     way a NOT_UTF8 warning "decoded as <encoding>" is added. Nothing plausible → ENCODING_UNSUPPORTED.
 *  5. Decoded text dense with control characters is binary after all → ENCODING_UNSUPPORTED.
 * The text is then normalised: CRLF and lone CR → LF, Unicode NFC.
 */
import { createRequire } from 'node:module';
import type Chardet from 'chardet';
import type Iconv from 'iconv-lite';
import { EngineError, type ErrorData } from '../../errors.js';

/** chardet and iconv-lite are loaded on the first note that is not UTF-8: most notes are, and every parser worker would pay for them at start. */
const require = createRequire(import.meta.url);
let legacy: { chardet: typeof Chardet; iconv: typeof Iconv } | null = null;
const legacyCodecs = () => (legacy ??= { chardet: require('chardet') as typeof Chardet, iconv: require('iconv-lite') as typeof Iconv });

export interface DecodedText {
  text: string;
  /** Lower-case encoding name: 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'shift_jis'... */
  encoding: string;
  warnings: ErrorData[];
}

const SNIFF_BYTES = 8192;
const SAMPLE_BYTES = 64 * 1024;
/** Encodings chardet may name that cannot be right once the bytes failed UTF-8 and had no BOM. */
const NOT_LEGACY = new Set(['utf-8', 'ascii', 'utf-16le', 'utf-16be', 'utf-32', 'utf-32le', 'utf-32be', 'iso_2022', 'mbcs', 'sbcs']);

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = sniffBom(bytes);
  if (bom) {
    const rest = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8') {
      const text = tryUtf8(rest);
      if (text !== null) return finish(text, 'utf-8', []);
      return decodeLegacy(rest);
    }
    return finish(new TextDecoder(bom.encoding).decode(rest), bom.encoding, []);
  }
  if (hasNul(bytes)) throw new EngineError('ENCODING_UNSUPPORTED', 'the file looks binary (it contains NUL bytes), not text');
  const text = tryUtf8(bytes);
  if (text !== null) return finish(text, 'utf-8', []);
  return decodeLegacy(bytes);
}

function sniffBom(b: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function hasNul(b: Uint8Array): boolean {
  const n = Math.min(b.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (b[i] === 0) return true;
  return false;
}

function tryUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return null;
  }
}

function decodeLegacy(bytes: Uint8Array): DecodedText {
  const { multi, invalid } = utf8Stats(bytes);
  if (multi > 0 && invalid <= multi) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    if (controlDense(text)) throw new EngineError('ENCODING_UNSUPPORTED', 'the file looks binary (it decodes to control characters)');
    return finish(text, 'utf-8', [{ code: 'NOT_UTF8', message: `decoded as utf-8 with ${invalid} invalid byte${invalid === 1 ? '' : 's'} replaced` }]);
  }
  const sample = sampleAroundFirstHighByte(bytes);
  let encoding = pickLegacyEncoding(sample);
  let note = '';
  if (!encoding && mostlyAsciiText(sample)) {
    encoding = 'windows-1252';
    note = ' (no encoding detected; assumed)';
  }
  if (!encoding) throw new EngineError('ENCODING_UNSUPPORTED', 'the file is not UTF-8 and its encoding could not be detected (binary?)');
  const text = legacyCodecs().iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
  if (controlDense(text)) throw new EngineError('ENCODING_UNSUPPORTED', `the file looks binary (decoding as ${encoding} gives control characters)`);
  return finish(text, encoding, [{ code: 'NOT_UTF8', message: `decoded as ${encoding}${note}` }]);
}

/** Counts well-formed UTF-8 multi-byte sequences and bytes that start no valid sequence. */
function utf8Stats(b: Uint8Array): { multi: number; invalid: number } {
  let multi = 0;
  let invalid = 0;
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    let ok = n > 0 && i + n < b.length;
    for (let k = 1; ok && k <= n; k++) ok = ((b[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) { multi++; i += n + 1; } else { invalid++; i++; }
  }
  return { multi, invalid };
}

/** chardet is slow on large inputs and blind to a lone accent late in a long ASCII file: sample. */
function sampleAroundFirstHighByte(b: Uint8Array): Uint8Array {
  if (b.length <= SAMPLE_BYTES) return b;
  let first = 0;
  while (first < b.length && (b[first] as number) < 0x80) first++;
  const start = Math.max(0, Math.min(first - 1024, b.length - SAMPLE_BYTES));
  return b.subarray(start, start + SAMPLE_BYTES);
}

function pickLegacyEncoding(sample: Uint8Array): string | null {
  const { chardet, iconv } = legacyCodecs();
  for (const match of chardet.analyse(sample)) {
    const name = match.name.toLowerCase();
    if (NOT_LEGACY.has(name) || match.confidence <= 0) continue;
    const encoding = name === 'iso-8859-1' ? 'windows-1252' : name;
    if (iconv.encodingExists(encoding)) return encoding;
  }
  return null;
}

/** Mostly printable ASCII and whitespace: a Western text file with a few stray high bytes. */
function mostlyAsciiText(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let texty = 0;
  for (const c of sample) if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d) texty++;
  return texty / sample.length >= 0.7;
}

/** More than 5% C0 controls (other than tab, newlines, form feed, escape) in the first 8K chars. */
function controlDense(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  if (n === 0) return false;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f) controls++;
  }
  return controls / n > 0.05;
}

function finish(text: string, encoding: string, warnings: ErrorData[]): DecodedText {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  return { text: t.normalize('NFC'), encoding, warnings };
}
