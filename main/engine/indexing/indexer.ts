/**
 * One index run: scan → plan → parse in worker threads → write each document in its own transaction
 * → remove documents whose files are gone. Every committed document is complete, so a run killed at
 * any moment resumes on the next run without duplicates or losses. Cancellation stops the workers;
 * what was written stays. Fields the user corrected are put back after each write (library/fields.ts).
 */
import { resolve } from 'node:path';
import type { IndexSummary, JobOptions, SkippedFile } from '../api.js';
import { EngineError, toErrorData } from '../errors.js';
import { runOcr, type OcrSettings } from '../ocr/job.js';
import { keepPinnedFields } from '../library/fields.js';
import type { Db } from '../store/db.js';
import { docsUnder, moveDoc, removeDocs, touchDoc, upsertRoot } from '../store/documents.js';
import { sliceOf } from '../store/summary.js';
import { writeFailed, writeParsed } from '../store/write.js';
import type { ChunkOptions } from '../types.js';
import type { ParseOutcome, ParseTask } from './parse.js';
import { openParsers } from './parser-pool.js';
import { plan, type PlannedRead } from './plan.js';
import { ProgressMeter } from './progress.js';
import { scan } from './scan.js';

export interface IndexContext {
  db: Db;
  workers: number;
  chunk: ChunkOptions;
  chunking: string;
  maxBytes: { pdf: number; note: number; document: number };
  taskTimeoutMs: number;
  ocr: OcrSettings;
}

interface RunState {
  changes: IndexSummary['changes'];
  vanished: SkippedFile[];
  /** Hash → ids of missing documents that may reappear under a new path. */
  missingByHash: Map<string, number[]>;
  moved: Set<number>;
}

/** A write batch is committed when it holds this many documents or is this old. */
export const BATCH_DOCS = 64;
const BATCH_MS = 250;
/** Notes are sent to workers in groups of up to this many files or bytes. */
const GROUP_FILES = 16;
const GROUP_BYTES = 512 * 1024;

export async function runIndex(ctx: IndexContext, paths: string[], opts: JobOptions = {}): Promise<IndexSummary> {
  const started = performance.now();
  const { signal } = opts;
  signal?.throwIfAborted();
  const meter = new ProgressMeter(opts.onProgress);
  meter.phase('scan', 0, 0);
  const scanned = await scan(paths, signal);
  for (const folder of scanned.folders) upsertRoot(ctx.db, folder, false);
  const scope = [...new Set(paths.map((p) => resolve(p)))];
  const work = plan(scanned.files, docsUnder(ctx.db, scope), ctx.chunking);
  const state: RunState = {
    changes: { added: 0, updated: 0, unchanged: work.unchanged, moved: 0, removed: 0 },
    vanished: [], missingByHash: new Map(), moved: new Set(),
  };
  for (const m of work.missing) {
    if (m.contentHash && m.status !== 'error') state.missingByHash.set(m.contentHash, [...(state.missingByHash.get(m.contentHash) ?? []), m.id]);
  }

  meter.phase('parse', work.reads.length, work.reads.reduce((n, r) => n + r.file.size, 0));
  await parseAll(ctx, work.reads, state, meter, signal);
  signal?.throwIfAborted();
  const gone = work.missing.filter((m) => !state.moved.has(m.id)).map((m) => m.id);
  removeDocs(ctx.db, gone);
  state.changes.removed = gone.length;
  // OCR after text extraction: the library is searchable by its text layers first.
  const ocr = ctx.ocr.enabled ? await runOcr(ctx.db, docsUnder(ctx.db, scope).map((d) => d.id), ctx.ocr, ctx.chunk, meter, signal) : undefined;
  meter.done();

  const slice = sliceOf(ctx.db, scope);
  return {
    documents: slice.documents, pages: slice.pages, chunks: slice.chunks,
    skipped: [...scanned.problems, ...state.vanished, ...slice.errors],
    warnings: slice.warnings, needsOcr: slice.needsOcr, changes: state.changes, rechunked: work.rechunk,
    ms: Math.round(performance.now() - started),
    ...(ocr ? { ocr } : {}),
  };
}

async function parseAll(ctx: IndexContext, reads: PlannedRead[], state: RunState, meter: ProgressMeter, signal?: AbortSignal): Promise<void> {
  if (reads.length === 0) return;
  const groups = groupReads(reads);
  const bytes = reads.reduce((n, r) => n + r.file.size, 0);
  const pool = await openParsers(ctx.workers, ctx.taskTimeoutMs, groups.length, bytes, reads.some((r) => r.file.kind === 'pdf'));
  const onAbort = () => void pool.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  let fatal: unknown = null;
  // Outcomes are committed in small batches: one transaction per batch instead of per document cuts
  // the commit cost; each batch is atomic, so a crash still leaves only complete documents.
  let batch: { read: PlannedRead; outcome: ParseOutcome }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const items = batch;
    batch = [];
    if (fatal || items.length === 0) return;
    try {
      ctx.db.transaction(() => { for (const it of items) apply(ctx, it.read, it.outcome, state); })();
    } catch (err) {
      fatal = err;
      void pool.close();
      return;
    }
    for (const it of items) meter.fileDone(it.read.file.path, it.read.file.size, it.outcome.type === 'parsed' ? Math.max(1, it.outcome.doc.pages.length) : 0);
  };
  try {
    const toTask = (read: PlannedRead): ParseTask => ({
      path: read.file.path, kind: read.file.kind, knownHash: read.knownHash, rechunk: read.rechunk,
      maxBytes: ctx.maxBytes[read.file.kind === 'pdf' || read.file.kind === 'note' ? read.file.kind : 'document'], chunk: ctx.chunk,
    });
    /** Parses a group; a crashed or timed-out group is retried file by file so only the culprit fails. */
    const run = async (group: PlannedRead[]): Promise<void> => {
      let outcomes: ParseOutcome[];
      try {
        outcomes = await pool.run(group.map(toTask));
      } catch (err) {
        const e = toErrorData(err, group.length === 1 ? group[0]!.file.path : undefined);
        if (e.code === 'CANCELLED') return;
        if (group.length > 1) {
          await Promise.all(group.map((read) => run([read])));
          return;
        }
        outcomes = [{ type: 'failed', path: group[0]!.file.path, size: group[0]!.file.size, contentHash: null, error: e }];
      }
      group.forEach((read, i) => batch.push({ read, outcome: outcomes[i]! }));
      if (batch.length >= BATCH_DOCS) flush();
      else timer ??= setTimeout(flush, BATCH_MS);
    };
    await Promise.all(groups.map(run));
    if (!signal?.aborted) flush();
  } finally {
    if (timer) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
  if (fatal) {
    const e = toErrorData(fatal);
    const hint = e.code === 'DISK_FULL'
      ? 'the disk is full (or the library reached its size limit); every document written so far is complete and kept: free some space and index the same folders again to go on from there'
      : e.message;
    throw new EngineError(e.code, `indexing stopped: ${hint}`, { cause: fatal });
  }
}

/**
 * PDFs are parsed one per task; small notes travel in groups, so a worker is not left idle waiting
 * for a message round trip after every few-kilobyte file. Largest groups first: a big PDF that came
 * up last would leave the other workers idle while it runs (its bytes stand in for its work).
 */
function groupReads(reads: PlannedRead[]): PlannedRead[][] {
  const groups: PlannedRead[][] = [];
  let open: PlannedRead[] = [];
  let bytes = 0;
  for (const read of reads) {
    if (read.file.kind === 'pdf' || read.file.size > GROUP_BYTES) {
      groups.push([read]);
      continue;
    }
    open.push(read);
    bytes += read.file.size;
    if (open.length >= GROUP_FILES || bytes >= GROUP_BYTES) {
      groups.push(open);
      open = [];
      bytes = 0;
    }
  }
  if (open.length > 0) groups.push(open);
  const bytesOf = (g: PlannedRead[]) => g.reduce((n, r) => n + r.file.size, 0);
  return groups.map((g) => ({ g, bytes: bytesOf(g) })).sort((a, b) => b.bytes - a.bytes).map((x) => x.g);
}

/** Writes one outcome; called inside the batch's transaction. */
function apply(ctx: IndexContext, read: PlannedRead, o: ParseOutcome, state: RunState): void {
  const { file, stored } = read;
  if (o.type === 'same') {
    if (stored) touchDoc(ctx.db, stored.id, o.size, file.mtimeMs);
    state.changes.unchanged++;
    return;
  }
  if (o.type === 'failed' && o.error.code === 'FILE_VANISHED') {
    if (stored) removeDocs(ctx.db, [stored.id]);
    state.vanished.push({ path: file.path, ...o.error });
    return;
  }
  let movedFrom: number | undefined;
  if (!stored && o.contentHash) movedFrom = state.missingByHash.get(o.contentHash)?.shift();
  const base = { path: file.path, kind: file.kind, size: o.size, mtimeMs: file.mtimeMs };
  if (movedFrom !== undefined) moveDoc(ctx.db, movedFrom, file.path, o.size, file.mtimeMs);
  const docId = o.type === 'parsed'
    ? writeParsed(ctx.db, { ...base, contentHash: o.contentHash, doc: o.doc, chunks: o.chunks, chunking: ctx.chunking })
    : writeFailed(ctx.db, { ...base, contentHash: o.contentHash, error: o.error });
  keepPinnedFields(ctx.db, docId); // the user's corrections win over what the file says
  if (movedFrom !== undefined) {
    state.moved.add(movedFrom);
    state.changes.moved++;
  } else if (stored) {
    state.changes.updated++;
  } else {
    state.changes.added++;
  }
}
