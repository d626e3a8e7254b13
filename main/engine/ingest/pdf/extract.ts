/**
 * PDF → ExtractedDoc: every physical page's text in reading order, paragraph blocks with exact
 * offsets and heading paths, image-only pages flagged for OCR, bibliographic metadata.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { ErrorData } from '../../errors.js';
import type { Block, ExtractedDoc, ExtractedPage } from '../../types.js';
import { HeadingPath } from './headings.js';
import type { TextContent } from './items.js';
import { openPdf } from './load.js';
import { extractMeta } from './metadata.js';
import type { Line } from './model.js';
import { OcrProbe } from './ocr.js';
import { layoutPage, type PageLayout } from './page.js';
import { loadPdfJs } from './pdfjs.js';

export interface ExtractPdfOptions {
  /** For messages only. */
  path?: string;
  /** Checked between pages: an abort throws the signal's AbortError. */
  signal?: AbortSignal;
}

type Fetched = { page: PDFPageProxy; content: TextContent } | { error: unknown };

const PAGE_SEP = '\n\n';
const PARA_SEP = '\n\n';

export async function extractPdf(bytes: Uint8Array, opts: ExtractPdfOptions = {}): Promise<ExtractedDoc> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const pdfjs = await loadPdfJs();
  const where = opts.path ? `${opts.path}: ` : '';
  const opened = await openPdf(bytes, { path: opts.path });
  const probe = new OcrProbe(pdfjs, bytes);
  try {
    const { doc } = opened;
    const warnings: ErrorData[] = [...opened.warnings];
    const labels = await doc.getPageLabels().catch(() => null);
    const pages: ExtractedPage[] = [];
    const pageStarts: number[] = [];
    const blocks: Block[] = [];
    const headingPath = new HeadingPath();
    let text = '';
    let firstPageLines: Line[] = [];
    let firstPagesText = '';

    // The next page's text is requested while this one is laid out.
    let pending: Promise<Fetched> | null = fetchPage(doc, 1);
    for (let n = 1; n <= doc.numPages; n++) {
      // pdf.js in-thread settles everything in microtasks: let timers and messages (a cancel
      // request from the pool) through between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      const fetched: Fetched = await pending!;
      pending = n < doc.numPages ? fetchPage(doc, n + 1) : null;
      signal?.throwIfAborted();

      let pageText = '';
      let ocr = false;
      if (n > 1) text += PAGE_SEP;
      pageStarts.push(text.length);
      if ('error' in fetched) {
        warnings.push({ code: 'PDF_CORRUPT', message: `${where}page ${n} could not be read (${messageOf(fetched.error)}); it is left empty` });
      } else {
        let layout: PageLayout | null = null;
        try {
          layout = layoutPage(fetched.content, n === 1);
        } catch (err) {
          // A layout bug must not cost the whole document.
          warnings.push({ code: 'INTERNAL', message: `${where}page ${n}: layout failed (${messageOf(err)}); it is left empty` });
        }
        if (layout && n === 1) firstPageLines = layout.lines;
        let offset = text.length;
        const parts: string[] = [];
        for (const para of layout?.paras ?? []) {
          if (parts.length) offset += PARA_SEP.length;
          if (para.heading) headingPath.enter(para.heading);
          blocks.push({ text: para.text, start: offset, end: offset + para.text.length, page: n, headingPath: headingPath.path });
          offset += para.text.length;
          parts.push(para.text);
        }
        pageText = parts.join(PARA_SEP);
        try {
          ocr = await probe.needsOcr(n, pageText);
        } catch {
          ocr = false; // the text layer is what matters; an unreadable image is no reason to fail
        }
        fetched.page.cleanup();
      }
      text += pageText;
      if (n <= 2) firstPagesText += (n > 1 ? '\n' : '') + pageText;
      pages.push({ number: n, label: labelOf(labels, n), text: pageText, needsOcr: ocr });
    }

    const { info, metadata: xmp } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    const meta = extractMeta({
      info: (info ?? {}) as Record<string, unknown>,
      xmp: xmp ? { get: (name: string): unknown => xmp.get(name) } : null,
      firstPageLines,
      firstPagesText,
    });
    return {
      kind: 'pdf',
      title: meta.title,
      authors: meta.authors,
      year: meta.year,
      doi: meta.doi,
      metadata: { ...meta.info, pageCount: doc.numPages },
      text,
      pages,
      pageStarts,
      blocks,
      warnings,
    };
  } finally {
    await Promise.all([opened.close(), probe.close()]);
  }
}

function fetchPage(doc: PDFDocumentProxy, n: number): Promise<Fetched> {
  return doc.getPage(n).then(
    (page) => page.getTextContent().then(
      (content) => ({ page, content }),
      (error: unknown) => ({ error }),
    ),
    (error: unknown) => ({ error }),
  );
}

function labelOf(labels: string[] | null, n: number): string | null {
  const label = labels?.[n - 1];
  return label ? label : null;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
