/**
 * Decides what an index run must do, from the files on disk and the documents stored: which files
 * are unchanged (same size and mtime, same chunking settings), which must be read, and which stored
 * documents are missing (deleted, or moved: a missing document whose hash reappears under a new path
 * keeps its chunks). Pure: no I/O.
 */
import type { StoredDoc } from '../store/documents.js';
import type { ScannedFile } from './scan.js';

/** Failures worth retrying on the next run even if the file did not change. */
const RETRYABLE = new Set(['FILE_UNREADABLE', 'FILE_VANISHED', 'WORKER_CRASHED', 'PDF_TIMEOUT', 'INTERNAL', 'DISK_FULL', 'CANCELLED']);

export interface PlannedRead {
  file: ScannedFile;
  stored: StoredDoc | null;
  /** Only the bytes' hash must be compared (stat changed, content may not have). */
  knownHash: string | null;
  /** The chunking settings changed since this document was indexed. */
  rechunk: boolean;
}

export interface Plan {
  reads: PlannedRead[];
  unchanged: number;
  rechunk: number;
  missing: StoredDoc[];
}

export function plan(files: ScannedFile[], stored: StoredDoc[], chunking: string): Plan {
  const byPath = new Map(stored.map((d) => [d.path, d]));
  const present = new Set<string>();
  const out: Plan = { reads: [], unchanged: 0, rechunk: 0, missing: [] };
  for (const file of files) {
    present.add(file.path);
    const s = byPath.get(file.path) ?? null;
    if (!s) {
      out.reads.push({ file, stored: null, knownHash: null, rechunk: false });
      continue;
    }
    const sameStat = s.size === file.size && s.mtimeMs === file.mtimeMs && s.kind === file.kind;
    const stale = s.status !== 'error' && s.chunking !== chunking;
    const retry = s.status === 'error' && RETRYABLE.has(s.errorCode ?? '');
    if (sameStat && !stale && !retry) {
      out.unchanged++;
      continue;
    }
    if (stale) out.rechunk++;
    out.reads.push({ file, stored: s, knownHash: s.status === 'error' ? null : s.contentHash, rechunk: stale });
  }
  out.missing = stored.filter((d) => !present.has(d.path));
  // Large files first: the pool's workers finish together instead of waiting on one big PDF at the end.
  out.reads.sort((a, b) => b.file.size - a.file.size);
  return out;
}
