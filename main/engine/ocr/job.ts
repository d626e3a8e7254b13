/**
 * The OCR phase of an index run, after text extraction: every image-only PDF page without OCR text
 * yet is rendered (pdfium, at the resolution OCR needs), hashed, and either found in the OCR cache
 * or recognised by the tesseract workers; each page is committed on its own, so a cancelled run
 * keeps what it recognised and the next run does only the rest. Pages render on this thread one
 * ahead of the workers, so at most `workers + 1` page images are held at once.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { EngineError, toErrorData } from '../errors.js';
import { openPdfium, type PdfiumDoc } from '../ingest/pdf/pdfium/document.js';
import { OCR_RENDER, type GreyImage, type RenderLimits } from '../ingest/pdf/pdfium/render.js';
import type { ProgressMeter } from '../indexing/progress.js';
import type { Db } from '../store/db.js';
import type { ChunkOptions } from '../types.js';
import type { OcrSummary } from '../api.js';
import { judgeTextLayer } from './garbage.js';
import { dataIdentity, ocrData, type DataPlaces, type OcrDataMode } from './data.js';
import { encodeGreyPng } from './png.js';
import { OCR_TUNING, Recognizer } from './recognizer.js';
import { applyPage, cachedOcr, cacheKey, putOcr, type CachedOcr } from './store.js';

export interface OcrSettings {
  enabled: boolean;
  languages: string[];
  workers: number;
  /** Also OCR pages whose text layer is garbage (garbage.ts); their OCR text replaces the layer. */
  garbageText?: boolean;
  /** Which language data (data.ts): 'auto' (default), 'bundled' or 'system'. */
  data?: OcrDataMode;
  /** Replaces the system tessdata folders looked in (tests). */
  tessdataRoots?: string[];
}

interface Pending { docId: number; path: string; page: number; garbage: number | null }

export async function runOcr(db: Db, docIds: number[] | null, s: OcrSettings, chunk: ChunkOptions,
  meter: ProgressMeter | null, signal?: AbortSignal, limits: RenderLimits = OCR_RENDER): Promise<OcrSummary> {
  const started = performance.now();
  const ids = docIds === null ? null : JSON.stringify(docIds);
  const garbage = s.enabled && s.garbageText === true ? 1 : 0;
  if (garbage) judgeTextLayers(db, ids);
  const pending = db.prepare(`SELECT p.doc_id AS docId, d.path, p.number AS page, p.text_garbage AS garbage FROM pages p JOIN documents d ON d.id = p.doc_id
    WHERE (p.needs_ocr = 1 OR (? = 1 AND p.text_garbage = 1)) AND p.ocr_key IS NULL AND d.kind = 'pdf' AND d.status <> 'error'
      AND (? IS NULL OR d.id IN (SELECT value FROM json_each(?))) ORDER BY d.path, p.number`).all(garbage, ids, ids) as Pending[];
  const out: OcrSummary = { pages: pending.length, garbagePages: pending.filter((p) => p.garbage === 1).length, recognised: 0, cached: 0, failed: [], pagesPerSec: null, ms: 0 };
  if (!s.enabled) return out;
  const places: DataPlaces = s.tessdataRoots ? { roots: s.tessdataRoots } : {};
  const data = ocrData(s.languages, s.data ?? 'auto', places); // OCR_LANGUAGE_UNKNOWN before any work
  out.data = { source: data.source, folder: data.folder };
  if (pending.length === 0) return out;
  const langs = data.langs;
  // The model's identity in the cache key: the system data's files, hashed once per run.
  const dataId = data.source === 'system' ? dataIdentity(data.files) : null;
  const tuning = { ...OCR_TUNING, data: { folder: data.folder, gzip: data.gzip } }; // the folder chosen above, read as it is
  meter?.phase('ocr', pending.length, pending.length);
  let recognizer: Promise<Recognizer> | null = null;
  const onAbort = () => void recognizer?.then((r) => r.close(), () => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  const inFlight = new Set<Promise<void>>();
  try {
    for (const [path, pages] of byDoc(pending)) {
      signal?.throwIfAborted();
      let pdf: PdfiumDoc;
      try {
        pdf = await openPdfium(new Uint8Array(await readFile(path)), `${path}: `);
      } catch (err) {
        for (const p of pages) out.failed.push({ path, page: p.page, ...toErrorData(err, path) });
        continue;
      }
      try {
        for (const p of pages) {
          signal?.throwIfAborted();
          let image: GreyImage;
          try {
            image = renderChecked(pdf, p.page, limits);
          } catch (err) {
            out.failed.push({ path, page: p.page, ...toErrorData(err, path) });
            meter?.fileDone(path, 1, 0);
            continue;
          }
          const imageHash = createHash('sha256').update(`${image.width}x${image.height}:`).update(image.pixels).digest('hex');
          const key = cacheKey(imageHash, langs, dataId);
          const hit = cachedOcr(db, key);
          if (hit) {
            db.transaction(() => applyPage(db, p.docId, p.page, key, hit, chunk))();
            out.cached++;
            meter?.fileDone(path, 1, 1);
            continue;
          }
          recognizer ??= Recognizer.start(langs, s.workers, tuning);
          const r = await recognizer;
          signal?.throwIfAborted();
          while (inFlight.size > 0 && inFlight.size >= Math.max(1, r.size)) await Promise.race(inFlight);
          signal?.throwIfAborted();
          const png = encodeGreyPng(image.width, image.height, image.pixels, image.scale * 72);
          const t0 = performance.now();
          const job = r.recognize(png).then((page) => {
            if (signal?.aborted) return;
            const res: CachedOcr = { ...page, width: image.width, height: image.height };
            db.transaction(() => {
              putOcr(db, key, imageHash, langs, res, performance.now() - t0);
              applyPage(db, p.docId, p.page, key, res, chunk);
            })();
            out.recognised++;
            meter?.fileDone(path, 1, 1);
          }, (err: unknown) => {
            if (!signal?.aborted) out.failed.push({ path, page: p.page, ...toErrorData(err, path) });
          }).finally(() => inFlight.delete(job));
          inFlight.add(job);
        }
      } finally {
        pdf.close();
      }
    }
    await Promise.all(inFlight);
    signal?.throwIfAborted();
  } catch (err) {
    if (signal?.aborted) throw new EngineError('CANCELLED', 'OCR was cancelled; the pages recognised so far are kept', { cause: err });
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await Promise.allSettled(inFlight);
    if (recognizer) await (await recognizer.catch(() => null))?.close();
  }
  out.ms = Math.round(performance.now() - started);
  out.pagesPerSec = out.recognised > 0 ? Math.round((out.recognised / out.ms) * 1000 * 100) / 100 : null;
  return out;
}

/** Judges the text layer of every PDF page in scope not judged yet (garbage.ts), once per extracted page. */
function judgeTextLayers(db: Db, ids: string | null): void {
  const batch = db.prepare(`SELECT p.doc_id AS docId, p.number AS page, p.text FROM pages p JOIN documents d ON d.id = p.doc_id
    WHERE p.text_garbage IS NULL AND p.needs_ocr = 0 AND p.ocr_key IS NULL AND d.kind = 'pdf' AND d.status <> 'error'
      AND (? IS NULL OR d.id IN (SELECT value FROM json_each(?))) LIMIT 500`);
  const set = db.prepare('UPDATE pages SET text_garbage = ? WHERE doc_id = ? AND number = ?');
  for (;;) {
    const rows = batch.all(ids, ids) as { docId: number; page: number; text: string }[];
    if (rows.length === 0) return;
    db.transaction(() => {
      for (const r of rows) set.run(judgeTextLayer(r.text).garbage ? 1 : 0, r.docId, r.page);
    })();
  }
}

function byDoc(pending: Pending[]): Map<string, Pending[]> {
  const m = new Map<string, Pending[]>();
  for (const p of pending) m.set(p.path, [...(m.get(p.path) ?? []), p]);
  return m;
}

/** Renders a page; a page image too large to decode within bounded memory is refused (OCR_RENDER's `maxSourcePixels`). */
function renderChecked(pdf: PdfiumDoc, page: number, limits: RenderLimits): GreyImage {
  try {
    return pdf.render(page - 1, limits);
  } catch (err) {
    if (err instanceof EngineError) throw new EngineError(err.code, `page ${page}: ${err.message}`, { cause: err });
    throw new EngineError('PDF_CORRUPT', `page ${page} could not be rendered: ${(err as Error).message}`, { cause: err });
  }
}
