/**
 * The float vectors of an int8-held table (search/dense/scan-rows.ts), kept in a scratch file beside
 * the library for re-scoring the int8 scan's candidates exactly. sqlite-vec's own point lookup reads
 * a vector out of a 1,024-vector chunk blob (1.5 MB at 384-d) by walking its overflow pages, about
 * 0.2 ms a vector at 1M rows; a positioned read of this file takes microseconds (the page cache holds
 * what was read or written lately; the file is not counted in the process's memory).
 *
 * Each scan row maps to a row of the file (rows are only appended; a generation made after removals
 * shares its predecessor's file and skips the removed rows, so nothing is copied). A row is the vector
 * as sqlite-vec stored it (not normalised), so
 * `cosineSimilarity` reproduces sqlite-vec's `vec_distance_cosine` bit for bit (float32 sums in
 * order, as its C loop adds them). The file is scratch: made when the rows load, in the folder
 * `<library>-scan/`, removed from the folder as soon as it is open where the system allows (POSIX: it
 * then goes when the process does, even killed), else when closed, and files left by dead processes
 * are removed by the next one. It is not made where it would leave less than 2 GiB of the disk free
 * (the library's own writes come first), and any failure (no space, no folder) leaves the scan
 * without it: candidates are then re-scored through sqlite-vec.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from '../../process-alive.js';

const f = Math.fround;
/** Disk space the file must leave free for the library itself (its writes must not meet a full disk for a cache). */
export const KEEP_FREE_BYTES = 2 * 1024 ** 3;
/** Rows buffered before a write. */
const WRITE_ROWS = 2048;

export class FloatFile {
  private pending: Float32Array;
  private buffered = 0;
  private written = 0;
  private readonly one: Float32Array;
  private holders = 1;
  private closed = false;

  private constructor(private readonly fd: number, private readonly path: string | null, readonly dims: number,
    private readonly dir: string, private readonly keepFree: number) {
    this.pending = new Float32Array(WRITE_ROWS * dims);
    this.one = new Float32Array(dims);
  }

  /**
   * A new empty file for `rows` `dims`-d rows beside the database at `dbPath`, or why there is none:
   * it is not made where it would leave under KEEP_FREE_BYTES (default) of the disk free.
   */
  static create(dbPath: string, name: string, dims: number, rows: number, keepFree = KEEP_FREE_BYTES): FloatFile | string {
    if (!dbPath || dbPath === ':memory:') return 'the library is in memory';
    const dir = `${dbPath}-scan`;
    try {
      mkdirSync(dir, { recursive: true });
      removeStale(dir);
      const need = rows * dims * 4;
      const free = freeBytes(dir);
      if (free - need < keepFree) return `no scratch file for exact re-scoring: it needs ${mb(need)} MB and would leave under ${mb(keepFree)} MB of the disk free (${mb(free)} MB free)`;
      const path = join(dir, `${name.replace(/[^A-Za-z0-9_-]/g, '_')}-${process.pid}-${Date.now().toString(36)}.f32`);
      const fd = openSync(path, 'w+');
      let kept: string | null = path;
      try { unlinkSync(path); kept = null; } catch { /* Windows: removed when closed */ }
      return new FloatFile(fd, kept, dims, dir, keepFree);
    } catch (err) {
      return `no scratch file for exact re-scoring (${(err as Error).message})`;
    }
  }

  /** Rows in the file (written or buffered). */
  get rows(): number { return this.written + this.buffered; }

  /** Appends `src[from, from + dims)` as the next row. */
  append(src: Float32Array, from: number): void {
    this.pending.set(src.subarray(from, from + this.dims), this.buffered * this.dims);
    if (++this.buffered === WRITE_ROWS) this.flush();
  }

  /** Writes what is buffered (throws when the disk is full or nearly: the caller drops the file). */
  flush(): void {
    if (this.buffered === 0) return;
    const bytes = new Uint8Array(this.pending.buffer, 0, this.buffered * this.dims * 4);
    if (freeBytes(this.dir) - bytes.length < this.keepFree) throw new Error(`the disk has under ${mb(this.keepFree)} MB free`);
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.written * this.dims * 4 + done);
    this.written += this.buffered;
    this.buffered = 0;
  }

  /** Row `i` into `out` (false when the file does not hold it). */
  read(i: number, out: Float32Array = this.one): Float32Array | null {
    if (this.closed || i < 0 || i >= this.written) return null;
    const bytes = new Uint8Array(out.buffer, out.byteOffset, this.dims * 4);
    const got = readSync(this.fd, bytes, 0, bytes.length, i * this.dims * 4);
    return got === bytes.length ? out : null;
  }

  /** One more holder (a new generation of rows keeps reading and appending to this file). */
  share(): this {
    if (this.closed) throw new Error('the scratch file is closed');
    this.holders++;
    return this;
  }

  /** One holder less; the last one closes the file (and removes it where it is still in its folder). */
  close(): void {
    if (this.closed || --this.holders > 0) return;
    this.closed = true;
    try { closeSync(this.fd); } catch { /* already gone */ }
    if (this.path) try { unlinkSync(this.path); } catch { /* already gone */ }
  }
}

/**
 * 1 − sqlite-vec's `vec_distance_cosine(a, b)`, computed as its C code does (`distance_cosine_float`):
 * float32 products and sums in index order, then `1 - dot / (sqrt(aMag) * sqrt(bMag))` in double,
 * returned as float32. float-file.test.ts checks the two agree bit for bit.
 */
export function cosineSimilarity(a: Float32Array, b: Float32Array, dims: number): number {
  let dot = 0;
  let am = 0;
  let bm = 0;
  for (let i = 0; i < dims; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot = f(dot + f(x * y));
    am = f(am + f(x * x));
    bm = f(bm + f(y * y));
  }
  return 1 - f(1 - dot / (Math.sqrt(am) * Math.sqrt(bm)));
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

function freeBytes(dir: string): number {
  const fs = statfsSync(dir);
  return Number(fs.bavail) * Number(fs.bsize);
}

/** Files of processes no longer running (where they could not be removed while open). */
function removeStale(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = Number(/-(\d+)-[0-9a-z]+\.f32$/.exec(name)?.[1]);
    if (!pid || pid === process.pid || processAlive(pid)) continue;
    try { unlinkSync(join(dir, name)); } catch { /* in use or gone */ }
  }
}
