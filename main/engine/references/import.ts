/**
 * `importReferences(file)`: a .bib (read with @retorquere/bibtex-parser) or .ris (bibliography/read-ris.ts)
 * file into the library. Duplicates are merged (merge.ts: by DOI, PMID, then folded title + year),
 * within the file and with records already imported from any file; every record is a searchable
 * `ref:<identity>` document (record-doc.ts); attached PDFs and notes are indexed by the engine's
 * indexer and carry their record's metadata (overlay.ts). A second import of an unchanged file
 * writes nothing: records are compared by the hash of what would be written, and the indexer skips
 * files whose size and mtime are unchanged. Records the file no longer holds lose it as a source,
 * and go when no file holds them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { JobOptions, SkippedFile } from '../api.js';
import { readBibtex } from '../bibliography/read-bibtex.js';
import { readRis } from '../bibliography/read-ris.js';
import { chunkBlocks } from '../chunk/chunker.js';
import { EngineError } from '../errors.js';
import { runIndex, type IndexContext } from '../indexing/indexer.js';
import { keepPinnedFields } from '../library/fields.js';
import { removeDocs } from '../store/documents.js';
import { stmt } from '../store/statements.js';
import { writeParsed } from '../store/write.js';
import { checkAttachments } from './files.js';
import { identityOf, keysOf, REF_PREFIX } from './identity.js';
import { foldMembers, mergeReferences, type Member } from './merge.js';
import { overlayFile } from './overlay.js';
import { referenceDoc } from './record-doc.js';
import { findStored, membersOf, saveStored, storedFromFile } from './stored.js';

export interface ReferenceImportSummary {
  file: string;
  format: 'bibtex' | 'ris';
  /** Entries read from the file. */
  entries: number;
  /** Records they make once duplicates are merged. */
  records: number;
  /** Entries merged into another: duplicates within the file, and records already imported from another file. */
  merged: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Records gone from the file and held by no other file. */
  removed: number;
  /** Attached files: named in the file, found and indexed (their documents), parsed in this run, (re)labelled with their record. */
  files: { attached: number; indexed: number; parsed: number; labelled: number };
  /** Attached files not found or not readable as documents, entries without title/DOI/PMID. */
  skipped: SkippedFile[];
  /** Parse errors of the file, one line each. */
  errors: string[];
  ms: number;
}

const FORMATS: Record<string, 'bibtex' | 'ris'> = { '.bib': 'bibtex', '.bibtex': 'bibtex', '.ris': 'ris' };

const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

export async function importReferences(ctx: IndexContext, path: string, opts: JobOptions = {}): Promise<ReferenceImportSummary> {
  const started = performance.now();
  opts.signal?.throwIfAborted();
  const file = resolve(path);
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format) throw new EngineError('BAD_ARGUMENT', `${file}: not a .bib or .ris file`);
  if (!existsSync(file) || !statSync(file).isFile()) throw new EngineError('FILE_NOT_FOUND', `${file}: no such file`);
  const text = readFileSync(file, 'utf8');
  const read = format === 'bibtex' ? readBibtex(text) : readRis(text);
  const summary: ReferenceImportSummary = {
    file, format, entries: read.references.length, records: 0, merged: 0, added: 0, updated: 0, unchanged: 0, removed: 0,
    files: { attached: 0, indexed: 0, parsed: 0, labelled: 0 }, skipped: [], errors: read.errors, ms: 0,
  };
  const groups = mergeReferences(read.references.map((ref) => ({ ref, source: { file, key: ref.key } })))
    .filter((g) => {
      if (identityOf(keysOf(g))) return true;
      summary.skipped.push({ path: file, code: 'BAD_ARGUMENT', message: `entry ${g.key ?? '(no key)'}: no title, DOI or PMID` });
      return false;
    });
  summary.records = groups.length;
  summary.merged = groups.reduce((n, g) => n + g.members.length - 1, 0);
  const attached = groups.map((g) => checkAttachments(g.files, file, summary.skipped));
  summary.files.attached = groups.reduce((n, g) => n + g.files.length, 0);
  const allFiles = [...new Set(attached.flat())];
  const run = allFiles.length > 0 ? await runIndex(ctx, allFiles, opts) : null;
  summary.files.parsed = run ? run.changes.added + run.changes.updated + run.changes.moved : 0;
  for (const s of run?.skipped ?? []) summary.skipped.push(s);
  opts.signal?.throwIfAborted();

  const db = ctx.db;
  const fileDoc = stmt(db, "SELECT id, title, authors, year, doi, metadata FROM documents WHERE path = ? AND status != 'error'");
  const before = new Map(storedFromFile(db, file).map((r) => [r.doc_id, r]));
  const seen = new Set<number>();
  db.transaction(() => {
    groups.forEach((g, i) => {
      const keys = keysOf(g);
      const stored = findStored(db, keys);
      // Held by other files too: their entries (as stored) are merged with this file's.
      const others: Member[] = stored ? membersOf(stored).filter((m) => m.source.file !== file) : [];
      if (stored && others.length > 0 && !before.has(stored.doc_id)) summary.merged++;
      const record = foldMembers([...others, ...g.members]);
      const files = [...new Set([...(others.length > 0 ? JSON.parse(stored!.files) as string[] : []), ...attached[i]!])].sort();
      const identity = stored?.identity ?? identityOf(keys)!;
      const doc = referenceDoc(record, files);
      const metaHash = hash({ doc, files });
      let docId = stored?.doc_id;
      if (stored && stored.meta_hash === metaHash) {
        summary.unchanged++;
      } else {
        docId = writeParsed(db, {
          path: REF_PREFIX + identity, kind: 'reference', size: Buffer.byteLength(doc.text), mtimeMs: 0, contentHash: metaHash,
          doc, chunks: chunkBlocks(doc, ctx.chunk), chunking: ctx.chunking,
        });
        keepPinnedFields(db, docId);
        saveStored(db, { docId, identity, keys, citationKey: record.key, members: record.members, files, metaHash });
        if (stored) summary.updated++;
        else summary.added++;
      }
      seen.add(docId!);
      for (const f of files) {
        const d = fileDoc.get(f) as Parameters<typeof overlayFile>[1] | undefined;
        if (!d) continue;
        summary.files.indexed++;
        if (overlayFile(db, d, doc, { identity, citationKey: record.key, metaHash })) summary.files.labelled++;
      }
    });
    // Records this file held before and holds no longer.
    for (const [docId, r] of before) {
      if (seen.has(docId)) continue;
      const rest = membersOf(r).filter((m) => m.source.file !== file);
      if (rest.length === 0) { removeDocs(db, [docId]); summary.removed++; }
      else stmt(db, 'UPDATE ref_records SET sources = ? WHERE doc_id = ?').run(JSON.stringify(rest), docId);
    }
  })();
  summary.ms = Math.round(performance.now() - started);
  return summary;
}
