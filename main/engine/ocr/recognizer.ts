/**
 * Page recognition with tesseract.js: a small pool of tesseract workers (each a worker thread
 * running Tesseract's WASM build), fed page images in turn. Language data comes from the npm
 * packages (languages.ts) unless `tuning.data` names another folder (Tesseract's own data,
 * data.ts); the worker script and core are the installed packages' own files, and tesseract.js's
 * cache is off, so nothing is fetched and nothing is written to the working folder.
 */
import { createRequire } from 'node:module';
import type * as Tesseract from 'tesseract.js';
import { EngineError } from '../errors.js';
import { languageData } from './languages.js';

const require = createRequire(import.meta.url);

/** One recognised word: text, box in image pixels (x0, y0, x1, y1), confidence 0–100. */
export type OcrWord = [text: string, x0: number, y0: number, x1: number, y1: number, conf: number];

export interface OcrPage {
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
  words: OcrWord[];
}

interface Slot { worker: Tesseract.Worker; busy: boolean }

/**
 * How Tesseract is run. Delve's choice is `OCR_TUNING`; the measurements behind it
 * (`test/eval/ocr-configs.ts`) try the others. `data` replaces the npm packages' folder (a folder of
 * `<code>.traineddata`, gzipped or not): Tesseract's data on the computer (data.ts, via job.ts), and
 * other data in those measurements.
 */
export interface OcrTuning {
  /** Tesseract's OEM: 1 = LSTM only, 2 = legacy + LSTM (needs data with the legacy model). */
  oem: number;
  /** Page segmentation mode: 3 = automatic, as the `tesseract` CLI. */
  psm: number;
  /** `user_defined_dpi`; absent: the PNG's own resolution (which Delve writes). */
  dpi?: number;
  data?: { folder: string; gzip: boolean };
}

export const OCR_TUNING: OcrTuning = { oem: 1, psm: 3 };

export class Recognizer {
  private slots: Slot[] = [];
  private waiting: { resolve: (s: Slot) => void; reject: (e: Error) => void }[] = [];
  private closed = false;
  /** Rejects when the pool is closed: a terminated tesseract worker never settles its jobs. */
  private readonly stopped: Promise<never>;
  private stop: (e: Error) => void = () => undefined;

  private constructor(readonly langs: string[]) {
    this.stopped = new Promise<never>((_resolve, reject) => { this.stop = reject; });
    this.stopped.catch(() => undefined);
  }

  /** Starts `workers` tesseract workers for the languages; throws OCR_LANGUAGE_UNKNOWN / OCR_FAILED. */
  static async start(languages: string[], workers: number, tuning: OcrTuning = OCR_TUNING): Promise<Recognizer> {
    const { langs, folder } = tuning.data ? { langs: languages, folder: tuning.data.folder } : languageData(languages);
    const t = require('tesseract.js') as typeof Tesseract;
    const r = new Recognizer(langs);
    const options: Partial<Tesseract.WorkerOptions> = {
      langPath: folder,
      gzip: tuning.data?.gzip ?? true,
      cacheMethod: 'none',
      workerPath: require.resolve('tesseract.js/src/worker-script/node/index.js'),
      corePath: require.resolve('tesseract.js-core/package.json').replace(/package\.json$/, ''),
      logger: () => undefined,
      errorHandler: () => undefined,
    };
    try {
      const made = await Promise.all(Array.from({ length: Math.max(1, workers) }, () => t.createWorker(langs, tuning.oem as Tesseract.OEM, options)));
      // The C++ API defaults to one uniform block of text (PSM 6); the tesseract CLI, and pages with
      // columns, figures and captions, need automatic page segmentation (PSM 3).
      const params: Partial<Tesseract.WorkerParams> = { tessedit_pageseg_mode: String(tuning.psm) as Tesseract.PSM };
      if (tuning.dpi !== undefined) params.user_defined_dpi = String(tuning.dpi);
      await Promise.all(made.map((w) => w.setParameters(params)));
      r.slots = made.map((worker) => ({ worker, busy: false }));
    } catch (err) {
      await r.close();
      throw new EngineError('OCR_FAILED', `tesseract could not start: ${(err as Error).message ?? String(err)}`, { cause: err });
    }
    return r;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Recognises one page image (PNG bytes). */
  async recognize(png: Buffer): Promise<OcrPage> {
    const slot = await this.acquire();
    try {
      const { data } = await Promise.race([slot.worker.recognize(png, {}, { text: true, blocks: true }), this.stopped]);
      return { text: data.text.trim(), confidence: data.confidence, words: wordsOf(data) };
    } catch (err) {
      if (this.closed) throw new EngineError('CANCELLED', 'OCR was stopped');
      throw new EngineError('OCR_FAILED', `tesseract failed on the page: ${(err as Error).message ?? String(err)}`, { cause: err });
    } finally {
      this.release(slot);
    }
  }

  /** Terminates the workers; recognitions in flight fail with CANCELLED. */
  async close(): Promise<void> {
    this.closed = true;
    this.stop(new EngineError('CANCELLED', 'OCR was stopped'));
    for (const w of this.waiting.splice(0)) w.reject(new EngineError('CANCELLED', 'OCR was stopped'));
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new EngineError('CANCELLED', 'OCR was stopped'));
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next.resolve(slot);
    else slot.busy = false;
  }
}

function wordsOf(data: Tesseract.Page): OcrWord[] {
  const out: OcrWord[] = [];
  for (const b of data.blocks ?? []) {
    for (const p of b.paragraphs) {
      for (const l of p.lines) {
        for (const w of l.words) {
          const text = w.text.trim();
          if (text) out.push([text, w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1, Math.round(w.confidence * 10) / 10]);
        }
      }
    }
  }
  return out;
}
