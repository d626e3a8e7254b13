/**
 * Where extractPdf gets its pages from: pdfium (fast, WASM) or pdf.js (the fallback). Both give,
 * per page, fragments grouped by orientation and an image-only probe; per document, page labels
 * and the info dictionary (plus XMP with pdf.js).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { EngineError, type ErrorData } from '../../errors.js';
import { toFragments } from './items.js';
import { openPdf, sniff, type OpenedPdf } from './load.js';
import type { Frag } from './model.js';
import { LOW_TEXT_CHARS, OcrProbe, visibleChars } from './ocr.js';
import { loadPdfJs } from './pdfjs.js';
import { openPdfium } from './pdfium/document.js';

export type PdfBackend = 'pdfium' | 'pdfjs';

export type FetchedPage = { frags: Frag[][]; needsOcr(text: string): Promise<boolean>; release(): void } | { error: unknown };

export interface PdfSource {
  backend: PdfBackend;
  numPages: number;
  warnings: ErrorData[];
  labels(): Promise<(string | null)[] | null>;
  /** Pages are fetched in order, 1..numPages, each once. */
  page(n: number): Promise<FetchedPage>;
  meta(): Promise<{ info: Record<string, unknown>; xmp: { get(name: string): unknown } | null }>;
  close(): Promise<void>;
}

/** DELVE_PDF_BACKEND=pdfjs|pdfium picks the backend; pdfium by default. */
export function configuredBackend(): PdfBackend {
  const v = process.env.DELVE_PDF_BACKEND?.trim().toLowerCase();
  return v === 'pdfjs' || v === 'pdf.js' ? 'pdfjs' : 'pdfium';
}

export async function openSource(bytes: Uint8Array, path: string | undefined, backend = configuredBackend()): Promise<PdfSource> {
  const where = path ? `${path}: ` : '';
  if (backend === 'pdfjs') return pdfjsSource(bytes, await openPdf(bytes, { path }));
  const warnings = sniff(bytes, where);
  // A truncated file: pdf.js decides whether it is readable at all (the error codes are pinned on
  // its recovery and refusal); pdfium reads it when it finds the same pages.
  const checked = warnings.length > 0 ? await openPdf(bytes, { path }) : null;
  try {
    const src = await pdfiumSource(bytes, where, warnings);
    // No pages at all is pdfium giving up on a damaged page tree: pdf.js may do better.
    if (src.numPages > 0 && (!checked || src.numPages === checked.doc.numPages)) {
      await checked?.close();
      return src;
    }
    await src.close();
  } catch (err) {
    if (err instanceof EngineError && err.code === 'PDF_ENCRYPTED') {
      await checked?.close();
      throw err;
    }
    // Not loadable by pdfium (or pdfium itself failed to load): pdf.js decides, with its own
    // error codes and messages.
  }
  return pdfjsSource(bytes, checked ?? await openPdf(bytes, { path }));
}

async function pdfiumSource(bytes: Uint8Array, where: string, warnings: ErrorData[]): Promise<PdfSource> {
  const doc = await openPdfium(bytes, where);
  return {
    backend: 'pdfium',
    numPages: doc.pageCount,
    warnings,
    labels: () => Promise.resolve(doc.labels()),
    page: (n) => {
      try {
        const page = doc.page(n - 1);
        return Promise.resolve({
          frags: page.frags,
          needsOcr: (text: string) => Promise.resolve(visibleChars(text) < LOW_TEXT_CHARS && page.imageProbe()),
          release: () => page.close(),
        });
      } catch (error) {
        return Promise.resolve({ error });
      }
    },
    meta: () => Promise.resolve({ info: doc.info(), xmp: null }),
    close: () => {
      doc.close();
      return Promise.resolve();
    },
  };
}

async function pdfjsSource(bytes: Uint8Array, opened: OpenedPdf): Promise<PdfSource> {
  const pdfjs = await loadPdfJs();
  const probe = new OcrProbe(pdfjs, bytes);
  const { doc } = opened;
  // The next page's text is requested while this one is laid out.
  let pending: Promise<FetchedPage> | null = null;
  return {
    backend: 'pdfjs',
    numPages: doc.numPages,
    warnings: [...opened.warnings],
    labels: () => doc.getPageLabels().catch(() => null),
    page: async (n) => {
      const current = pending ?? fetchPage(doc, probe, n);
      const fetched = await current;
      pending = n < doc.numPages ? fetchPage(doc, probe, n + 1) : null;
      return fetched;
    },
    meta: async () => {
      const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
      return {
        info: (info ?? {}) as Record<string, unknown>,
        xmp: metadata ? { get: (name: string): unknown => metadata.get(name) } : null,
      };
    },
    close: async () => {
      await Promise.all([opened.close(), probe.close()]);
    },
  };
}

function fetchPage(doc: PDFDocumentProxy, probe: OcrProbe, n: number): Promise<FetchedPage> {
  return doc.getPage(n).then(
    (page) => page.getTextContent().then(
      (content) => ({
        frags: toFragments(content),
        needsOcr: (text: string) => probe.needsOcr(n, text),
        release: () => page.cleanup(),
      }),
      (error: unknown) => ({ error }),
    ),
    (error: unknown) => ({ error }),
  );
}
