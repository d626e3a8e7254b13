/**
 * A PDF's bytes for the viewer: only documents of kind 'pdf', at most 512 MiB (the indexer's own
 * limit), and a clear FILE_NOT_FOUND when the file has moved or been deleted since it was indexed.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Engine } from '../../engine/api.js';
import { DEFAULT_MAX_BYTES } from '../../engine/config.js';
import { EngineError, toErrorData } from '../../engine/errors.js';

export const MAX_VIEW_BYTES = DEFAULT_MAX_BYTES.pdf;

export async function documentBytes(engine: Engine, docId: number): Promise<Uint8Array> {
  const doc = engine.documentFile(docId);
  if (doc.kind !== 'pdf') throw new EngineError('BAD_ARGUMENT', `document ${docId} is not a PDF (it is a ${doc.kind})`);
  let size: number;
  try {
    const s = await stat(doc.path);
    if (!s.isFile()) throw new EngineError('FILE_NOT_FOUND', `${doc.path} is not a file any more`);
    size = s.size;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') {
      throw new EngineError('FILE_NOT_FOUND', `${doc.path} is no longer there (moved or deleted); index its folder again`);
    }
    if (err instanceof EngineError) throw err;
    const d = toErrorData(err, doc.path);
    throw new EngineError(d.code, d.message, { cause: err });
  }
  if (size > MAX_VIEW_BYTES) {
    throw new EngineError('FILE_TOO_LARGE', `${doc.path} is ${Math.round(size / 2 ** 20)} MiB; the viewer opens PDFs up to ${MAX_VIEW_BYTES / 2 ** 20} MiB`);
  }
  const buf = await readFile(doc.path);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
