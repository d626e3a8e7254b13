/**
 * Reads one file and turns it into a document with chunks: size check, content hash, type sniffing,
 * extraction (PDF or note), chunking. Pure apart from reading the file; runs in parser workers.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chunkBlocks } from '../chunk/chunker.js';
import { EngineError, toErrorData, type ErrorData } from '../errors.js';
import { extractNote } from '../ingest/notes/extract.js';
import { extractPdf } from '../ingest/pdf/extract.js';
import type { ChunkDraft, ChunkOptions, ExtractedDoc, FileKind } from '../types.js';

export interface ParseTask {
  path: string;
  kind: FileKind;
  /** Hash stored for this path; when the bytes still match and `rechunk` is false, nothing is parsed. */
  knownHash: string | null;
  rechunk: boolean;
  maxBytes: number;
  chunk: ChunkOptions;
}

export type ParseOutcome =
  | { type: 'same'; path: string; size: number; contentHash: string }
  | { type: 'parsed'; path: string; size: number; contentHash: string; doc: ExtractedDoc; chunks: ChunkDraft[] }
  | { type: 'failed'; path: string; size: number; contentHash: string | null; error: ErrorData };

export async function parseFile(task: ParseTask): Promise<ParseOutcome> {
  const { path } = task;
  let bytes: Buffer;
  try {
    // Synchronous on purpose: this runs in a parser worker, and one blocking read is far cheaper
    // than the four thread-pool round trips of an async readFile for the many small notes.
    bytes = readFileSync(path);
  } catch (err) {
    return { type: 'failed', path, size: 0, contentHash: null, error: toErrorData(err, path) };
  }
  const size = bytes.length;
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  if (task.knownHash === contentHash && !task.rechunk) return { type: 'same', path, size, contentHash };
  try {
    if (size === 0) throw new EngineError('EMPTY_FILE', `${path}: the file is empty`);
    if (size > task.maxBytes) {
      throw new EngineError('FILE_TOO_LARGE', `${path}: ${mib(size)} is over the ${mib(task.maxBytes)} limit for ${task.kind === 'pdf' ? 'PDFs' : task.kind === 'note' ? 'notes' : 'documents'}`);
    }
    const doc = await extract(task.kind, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
    scrubControlChars(doc);
    const chunks = locate(doc, chunkBlocks(doc, task.chunk));
    return { type: 'parsed', path, size, contentHash, doc, chunks };
  } catch (err) {
    return { type: 'failed', path, size, contentHash, error: toErrorData(err, path) };
  }
}

/**
 * Control characters (other than tab and newlines) carry nothing searchable and \u0002/\u0003 are
 * the snippet markers: replace them one-for-one with spaces so every offset stays valid.
 */
function scrubControlChars(doc: ExtractedDoc): void {
  const re = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
  doc.text = doc.text.replace(re, ' ');
  for (const p of doc.pages) p.text = p.text.replace(re, ' ');
  for (const b of doc.blocks) b.text = b.text.replace(re, ' ');
}

/** DOCX/HTML/EPUB readers are loaded on first use: mammoth, linkedom and Readability would otherwise slow every parser worker's start. */
async function extract(kind: FileKind, bytes: Uint8Array, path: string): Promise<ExtractedDoc> {
  switch (kind) {
    case 'pdf': return extractPdf(bytes, { path });
    case 'docx': return (await import('../ingest/docs/docx.js')).extractDocx(bytes, { path });
    case 'html': return (await import('../ingest/docs/html.js')).extractHtml(bytes, { path });
    case 'epub': return (await import('../ingest/docs/epub.js')).extractEpub(bytes, { path });
    default: return extractNote(bytes, { path });
  }
}

/** Gives each chunk the locator of the block it starts in (blocks are in text order). */
function locate(doc: ExtractedDoc, chunks: ChunkDraft[]): ChunkDraft[] {
  const blocks = doc.blocks;
  if (!blocks.some((b) => b.locator)) return chunks;
  let i = 0;
  for (const c of chunks) {
    while (i + 1 < blocks.length && blocks[i + 1]!.start <= c.start) i++;
    const loc = blocks[i]?.locator;
    if (loc) c.locator = loc;
  }
  return chunks;
}

function mib(n: number): string {
  return `${(n / 1048576).toFixed(1)} MiB`;
}
