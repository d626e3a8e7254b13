/**
 * A model's vectors held in shared WebAssembly memory for the in-memory scan (search/dense/vector-scan.ts):
 * each sqlite-vec row, scaled to unit length and zero-padded to the kernel's stride, in sqlite-vec's
 * rowid order, with its chunk hash beside it. Rows are float32, or int8 codes (search/dense/row-codec.ts)
 * when the floats would exceed the memory limit and the codes do not (`codes: 'auto'`, the default).
 *
 * Loading reads sqlite-vec's own storage: the `<table>_rowids` table (rowid → hash, chunk, offset)
 * and the `<table>_vector_chunks00` blobs (1,024 vectors each), about ten times faster than reading
 * every vector through the virtual table (100k vectors: ~0.3 s against ~1.3 s). That layout is
 * sqlite-vec's, not a public API, so every load compares sample rows with the virtual table's own
 * answer; any difference disables the scan for the table (search then uses sqlite-vec's KNN).
 *
 * Staying in step without re-reading: rowids are AUTOINCREMENT, so `sqlite_sequence` tells of new
 * rows in O(1) and only those are read (appended in place; scans in flight read only rows below
 * their own count). Removals bump the table's version (store/vectors.ts, bumpVectorsVersion); then a
 * new generation is built in new memory, copying the rows that remain, so a scan still running on
 * the old memory is undisturbed. A recreated table (new created_at) is loaded afresh.
 *
 * int8 rows keep their float vectors in a scratch file (search/dense/float-file.ts), row for row, so
 * the scan's candidates are re-scored exactly without sqlite-vec's slow point lookups.
 */
import type { Db } from '../../store/db.js';
import { vectorsVersionKey } from '../../store/vectors.js';
import { FloatFile } from './float-file.js';
import { codecOf, type RowCodes } from './row-codec.js';
import { MAX_PAGES, Wasm, type WasmMemory } from './scan-kernel.js';
import { scanLayout, type ScanLayout } from './scan-range.js';

const PAGE = 65536;
const SAMPLES = 5;
/** Rows of sqlite-vec's rowid table read per query while loading. */
const META_PAGE = 65536;

let generations = 0;

interface Mark { seq: number; version: string | null; created: number; dims: number }
type RowMeta = [rowid: number, hash: string, chunkId: number, offset: number];
/** Row form asked for: `auto` holds floats when they fit the limit, else int8 codes. */
export type CodesChoice = 'auto' | RowCodes;

export class ScanRows {
  readonly gen = ++generations;
  readonly hashes: string[] = [];
  readonly rowids: number[] = [];
  /** int8 rows: the float vectors for exact re-scoring (search/dense/float-file.ts), or null. */
  floats: FloatFile | null = null;
  /** With `floats`: the file row holding each row's vector. */
  readonly floatRows: number[] = [];
  /** Why `floats` is null for int8 rows (re-scoring then reads sqlite-vec). */
  floatsReason: string | null = null;
  private maxRowid = 0;

  private constructor(readonly table: string, readonly memory: WasmMemory, readonly layout: ScanLayout,
    readonly dims: number, private readonly mark: Mark, private readonly maxBytes: number, private readonly choice: CodesChoice) {}

  get count(): number { return this.hashes.length; }

  /** Bytes of memory holding rows. */
  get bytes(): number { return this.count * this.layout.rowBytes; }

  /** Loads `table`'s vectors, or says why the scan cannot hold them. */
  static open(db: Db, table: string, slots: number, maxBytes: number, choice: CodesChoice = 'auto'): ScanRows | string {
    const mark = readMark(db, table);
    if (typeof mark === 'string') return mark;
    const rows = ScanRows.empty(db, table, mark, slots, maxBytes, countRows(db, table), choice);
    if (typeof rows === 'string') return rows;
    return rows.filled(rows.append(db, mark.seq));
  }

  /** Empty rows for `expected` vectors, in the form `choice` gives for that many (or in `codes`). */
  private static empty(db: Db, table: string, mark: Mark, slots: number, maxBytes: number, expected: number, choice: CodesChoice, codes?: RowCodes,
    shared?: ScanRows): ScanRows | string {
    const floats = scanLayout(mark.dims, slots, 'float32');
    const int8 = codes === 'int8' || (!codes && (choice === 'int8' || (choice === 'auto' && expected * floats.rowBytes > maxBytes)));
    const layout = int8 ? scanLayout(mark.dims, slots, 'int8') : floats;
    const need = expected * layout.rowBytes;
    if (need > maxBytes) return `the vectors need ${mb(need)} MB${layout.codes === 'int8' ? ' as int8 codes' : ''}, over the memory scan's limit of ${mb(maxBytes)} MB`;
    const maximum = Math.min(MAX_PAGES, Math.ceil((layout.rowsBase + maxBytes) / PAGE));
    const initial = Math.min(maximum, Math.ceil((layout.rowsBase + need * 1.1) / PAGE) + 1);
    const memory = new Wasm.Memory({ initial, maximum, shared: true });
    const rows = new ScanRows(table, memory, layout, mark.dims, mark, maxBytes, choice);
    if (shared) {
      rows.floats = shared.floats?.share() ?? null;
      rows.floatsReason = shared.floatsReason;
    }
    if (layout.codes === 'int8' && !shared) {
      const file = FloatFile.create(db.name, table, mark.dims, expected);
      if (typeof file === 'string') rows.floatsReason = file;
      else rows.floats = file;
    }
    return rows;
  }

  /**
   * Brings the rows in step with the table: this object (unchanged, or rows appended), a new
   * generation (rows were removed, or the table was recreated), or why the scan cannot serve it.
   */
  sync(db: Db, slots: number): ScanRows | string {
    const mark = readMark(db, this.table);
    if (typeof mark === 'string') return mark;
    if (mark.created !== this.mark.created || mark.dims !== this.dims || mark.seq < this.maxRowid) return ScanRows.open(db, this.table, slots, this.maxBytes, this.choice);
    const next = mark.version !== this.mark.version ? this.rebuild(db, mark, slots) : mark.seq > this.maxRowid ? this.append(db, mark.seq) ?? this : this;
    // Floats that no longer fit: int8 codes, where `auto` allows them.
    if (typeof next === 'string' && this.choice === 'auto' && this.layout.codes === 'float32') return ScanRows.open(db, this.table, slots, this.maxBytes, 'int8');
    return next;
  }

  /** A new generation holding the rows still in the table, then any new ones. */
  private rebuild(db: Db, mark: Mark, slots: number): ScanRows | string {
    const live = db.prepare(`SELECT rowid FROM ${this.table}_rowids WHERE rowid <= ? ORDER BY rowid`).pluck().all(this.maxRowid) as number[];
    const next = ScanRows.empty(db, this.table, mark, slots, this.maxBytes, live.length + Math.max(0, mark.seq - this.maxRowid), this.choice, this.layout.codes, this);
    if (typeof next === 'string') return next;
    const from = new Uint8Array(this.memory.buffer);
    const at = new Map(this.rowids.map((r, i) => [r, i]));
    next.reserve(live.length);
    const to = new Uint8Array(next.memory.buffer);
    const s = this.layout.rowBytes;
    for (const rowid of live) {
      const i = at.get(rowid);
      if (i === undefined) continue; // not held here (cannot happen: every row up to maxRowid was read)
      const src = this.layout.rowsBase + i * s;
      to.set(from.subarray(src, src + s), next.layout.rowsBase + next.count * s);
      if (next.floats) next.floatRows.push(this.floatRows[i]!);
      next.hashes.push(this.hashes[i]!);
      next.rowids.push(rowid);
    }
    next.maxRowid = this.maxRowid;
    return next.filled(next.append(db, mark.seq));
  }

  /** Reads rows with rowid above maxRowid; returns a reason when they cannot be held. */
  private append(db: Db, seq: number): string | null {
    if (seq <= this.maxRowid) return null;
    // Counted first, then read a page at a time, so a million rows' metadata is never held at once.
    const added = db.prepare(`SELECT COUNT(*) FROM ${this.table}_rowids WHERE rowid > ?`).pluck().get(this.maxRowid) as number;
    if (added === 0) { this.maxRowid = seq; return null; }
    const page = db.prepare(`SELECT rowid, id, chunk_id, chunk_offset FROM ${this.table}_rowids WHERE rowid > ? ORDER BY rowid LIMIT ${META_PAGE}`).raw();
    const over = this.reserve(added);
    if (over) return over;
    const blob = db.prepare(`SELECT vectors FROM ${this.table}_vector_chunks00 WHERE rowid = ?`).pluck();
    const codec = codecOf(this.layout.codes);
    const { stride, rowsBase, rowBytes } = this.layout;
    const d = this.dims;
    let chunkId = -1;
    let vectors = new Float32Array(0);
    const first = this.count;
    let last = this.maxRowid;
    for (let meta = page.all(last) as RowMeta[]; meta.length > 0; meta = page.all(last) as RowMeta[]) {
      const more = this.reserve(meta.length); // rows written since the count
      if (more) return more;
      const bytes = new Uint8Array(this.memory.buffer); // after any growth
      for (const [rowid, hash, cid, offset] of meta) {
        if (cid !== chunkId) {
          const b = blob.get(cid) as Buffer | undefined;
          if (!b) return `sqlite-vec's storage layout is not the one the memory scan reads (no vector chunk ${cid})`;
          vectors = new Float32Array(b.length >>> 2);
          new Uint8Array(vectors.buffer).set(b.subarray(0, vectors.length * 4));
          chunkId = cid;
        }
        if ((offset + 1) * d > vectors.length) return `sqlite-vec's storage layout is not the one the memory scan reads (offset ${offset} beyond chunk ${cid})`;
        codec.write(bytes, rowsBase + this.count * rowBytes, vectors, offset * d, d, stride);
        if (this.floats) this.keepFloat(vectors.subarray(offset * d, offset * d + d));
        this.hashes.push(hash);
        this.rowids.push(rowid);
        last = rowid;
      }
    }
    this.maxRowid = Math.max(seq, last);
    this.flushFloats();
    return this.verify(db, first);
  }

  /** These rows, or the reason they could not be read (their float file then goes). */
  private filled(failure: string | null): ScanRows | string {
    if (failure === null) return this;
    this.release();
    return failure;
  }

  /** Appends row `count`'s float vector to the float file (when the file cannot take it, it goes). */
  private keepFloat(v: Float32Array): void {
    if (!this.floats) return;
    try {
      if (this.floatRows.length !== this.count) throw new Error('a row is missing from the scratch file');
      this.floatRows.push(this.floats.rows);
      this.floats.append(v, 0);
    } catch (err) {
      this.dropFloats(err as Error);
    }
  }

  /** Row `i`'s float vector from the file, or null (no file, or not written). */
  floatOf(i: number): Float32Array | null {
    const at = this.floatRows[i];
    return at === undefined ? null : this.floats?.read(at) ?? null;
  }

  private flushFloats(): void {
    try { this.floats?.flush(); } catch (err) { this.dropFloats(err as Error); }
  }

  private dropFloats(err: Error): void {
    this.floats?.close();
    this.floats = null;
    this.floatRows.length = 0;
    this.floatsReason = `the scratch file for exact re-scoring failed (${err.message})`;
  }

  /** Lets the float file go (the rows were replaced or the scanner closed). */
  release(): void {
    this.floats?.close();
    this.floats = null;
    this.floatRows.length = 0;
  }

  /** Compares sample rows with what the virtual table itself returns for their hashes. */
  private verify(db: Db, first: number): string | null {
    const one = db.prepare(`SELECT embedding FROM ${this.table} WHERE chunk_hash = ?`).pluck();
    const held = new Uint8Array(this.memory.buffer);
    const { rowBytes, rowsBase, stride } = this.layout;
    const expected = new Uint8Array(rowBytes);
    const added = this.count - first;
    const picks = new Set([0, added - 1, ...Array.from({ length: SAMPLES - 2 }, (_, j) => Math.floor(((j + 1) * added) / (SAMPLES - 1)))]);
    const want = new Float32Array(this.dims);
    for (const j of picks) {
      if (j < 0 || j >= added) continue;
      const b = one.get(this.hashes[first + j]!) as Buffer | undefined;
      if (!b || b.length !== this.dims * 4) return 'sqlite-vec\'s storage layout is not the one the memory scan reads (a sample row differs)';
      new Uint8Array(want.buffer).set(b);
      codecOf(this.layout.codes).write(expected, 0, want, 0, this.dims, stride);
      const at = rowsBase + (first + j) * rowBytes;
      for (let k = 0; k < rowBytes; k++) {
        if (held[at + k] !== expected[k]) return 'sqlite-vec\'s storage layout is not the one the memory scan reads (a sample row differs)';
      }
    }
    return null;
  }

  /** Grows the memory to hold `more` rows beyond the current ones. */
  private reserve(more: number): string | null {
    const need = this.layout.rowsBase + (this.count + more) * this.layout.rowBytes;
    if (need - this.layout.rowsBase > this.maxBytes) return `the vectors need ${mb(need - this.layout.rowsBase)} MB, over the memory scan's limit of ${mb(this.maxBytes)} MB`;
    const have = this.memory.buffer.byteLength;
    if (need > have) {
      const maxPages = Math.ceil((this.layout.rowsBase + this.maxBytes) / PAGE);
      const target = Math.min(maxPages, Math.max(Math.ceil(need / PAGE), Math.ceil((have * 1.25) / PAGE)));
      this.memory.grow(target - have / PAGE);
    }
    return null;
  }
}

function readMark(db: Db, table: string): Mark | string {
  try {
    const row = db.prepare(`SELECT (SELECT seq FROM sqlite_sequence WHERE name = ?) AS seq, (SELECT value FROM settings WHERE key = ?) AS version,
      m.created_at AS created, m.dims AS dims FROM embedding_models m WHERE m.vec_table = ?`)
      .get(`${table}_rowids`, vectorsVersionKey(table), table) as { seq: number | null; version: string | null; created: number; dims: number } | undefined;
    if (!row) return `${table} is not a registered vector table`;
    return { seq: row.seq ?? 0, version: row.version, created: row.created, dims: row.dims };
  } catch (err) {
    return `cannot read ${table}'s state: ${(err as Error).message}`;
  }
}

function countRows(db: Db, table: string): number {
  return db.prepare(`SELECT COUNT(*) FROM ${table}_rowids`).pluck().get() as number;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);
