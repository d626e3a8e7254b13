/**
 * Reading DOCX and EPUB containers (ZIP) within bounds: the central directory is read first (a file
 * without one is truncated), encrypted entries are refused, and each entry is inflated in small
 * input slices while its output is counted, so a zip bomb is stopped when its real output, not its
 * declared size, passes the limits — memory stays near the limit whatever the archive claims.
 */
import { Inflate } from 'fflate';
import { EngineError } from '../../errors.js';

export interface ZipLimits {
  /** Most bytes all entries read may inflate to together. */
  maxTotal: number;
  /** An entry inflating past this many bytes and past `maxRatio` times its compressed size is a bomb. */
  ratioFloor: number;
  maxRatio: number;
}

export const ZIP_LIMITS: ZipLimits = { maxTotal: 256 * 1048576, ratioFloor: 16 * 1048576, maxRatio: 200 };

export interface ZipEntry { name: string; method: number; flags: number; compressed: number; size: number; offset: number }

export class ZipReader {
  private inflated = 0;
  readonly entries: Map<string, ZipEntry>;

  constructor(private readonly bytes: Uint8Array, private readonly where: string, private readonly limits: ZipLimits = ZIP_LIMITS) {
    this.entries = centralDirectory(bytes, where);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** An entry's bytes, or null when the archive has no such entry. */
  read(name: string): Uint8Array | null {
    const e = this.entries.get(name);
    if (!e) return null;
    if (e.flags & 1) throw new EngineError('DOC_ENCRYPTED', `${this.where}${name} is encrypted`);
    const v = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (e.offset + 30 > this.bytes.length || v.getUint32(e.offset, true) !== 0x04034b50) {
      throw new EngineError('DOC_TRUNCATED', `${this.where}${name} lies past the end of the file`);
    }
    const start = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
    if (start + e.compressed > this.bytes.length) throw new EngineError('DOC_TRUNCATED', `${this.where}${name} is cut short`);
    const data = this.bytes.subarray(start, start + e.compressed);
    if (e.method === 0) return this.count(data, name, e);
    if (e.method !== 8) throw new EngineError('DOC_CORRUPT', `${this.where}${name} uses an unsupported compression method (${e.method})`);
    const parts: Uint8Array[] = [];
    let size = 0;
    const inf = new Inflate((chunk) => {
      size += chunk.length;
      this.check(size, e, name);
      parts.push(chunk);
    });
    const SLICE = 16384; // a deflate stream inflates at most ~1032:1, so one slice adds ≤ 17 MB
    try {
      for (let i = 0; i < data.length; i += SLICE) inf.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
      if (data.length === 0) inf.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof EngineError) throw err;
      throw new EngineError('DOC_CORRUPT', `${this.where}${name} could not be inflated: ${(err as Error).message}`);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return this.count(out, name, e);
  }

  text(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : new TextDecoder('utf-8').decode(b);
  }

  private count(out: Uint8Array, name: string, e: ZipEntry): Uint8Array {
    this.check(out.length, e, name);
    this.inflated += out.length;
    if (this.inflated > this.limits.maxTotal) {
      throw new EngineError('ZIP_BOMB', `${this.where}the archive inflates to over ${this.limits.maxTotal >> 20} MiB`);
    }
    return out;
  }

  private check(size: number, e: ZipEntry, name: string): void {
    if (this.inflated + size > this.limits.maxTotal || (size > this.limits.ratioFloor && size > this.limits.maxRatio * Math.max(1, e.compressed))) {
      throw new EngineError('ZIP_BOMB', `${this.where}${name} inflates to over ${Math.round(size / 1048576)} MiB from ${e.compressed} bytes`);
    }
  }
}

function centralDirectory(b: Uint8Array, where: string): Map<string, ZipEntry> {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length >= 4 && v.getUint32(0, true) !== 0x04034b50) {
    // An OOXML file protected with a password is an OLE compound file holding EncryptionInfo.
    if (v.getUint32(0, true) === 0xe011cfd0 && hasUtf16(b, 'EncryptionInfo')) throw new EngineError('DOC_ENCRYPTED', `${where}the document is password-protected`);
    throw new EngineError('DOC_CORRUPT', `${where}not a ZIP container (DOCX and EPUB files are)`);
  }
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new EngineError('DOC_TRUNCATED', `${where}the file ends early (no ZIP directory at its end)`);
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const out = new Map<string, ZipEntry>();
  const dec = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || v.getUint32(p, true) !== 0x02014b50) throw new EngineError('DOC_CORRUPT', `${where}the ZIP directory is damaged`);
    const nameLen = v.getUint16(p + 28, true);
    const e: ZipEntry = {
      name: dec.decode(b.subarray(p + 46, p + 46 + nameLen)),
      flags: v.getUint16(p + 8, true), method: v.getUint16(p + 10, true),
      compressed: v.getUint32(p + 20, true), size: v.getUint32(p + 24, true), offset: v.getUint32(p + 42, true),
    };
    out.set(e.name, e);
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

function hasUtf16(b: Uint8Array, s: string): boolean {
  const needle = Buffer.from(s, 'utf16le');
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(needle) >= 0;
}
