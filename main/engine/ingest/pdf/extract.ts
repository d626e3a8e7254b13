/**
 * PDF → ExtractedDoc: every physical page's text in reading order, paragraph blocks with exact
 * offsets and heading paths, image-only pages flagged for OCR, bibliographic metadata (and in
 * `metadata.extractedFrom`, where each field was found).
 */
import type { ErrorData } from '../../errors.js';
import type { Block, ExtractedDoc, ExtractedPage } from '../../types.js';
import { HeadingPath } from './headings.js';
import { extractMeta } from './metadata.js';
import type { Line } from './model.js';
import { layoutFrags, type PageLayout } from './page.js';
import { openSource, type PdfBackend } from './source.js';

export interface ExtractPdfOptions {
  /** For messages only. */
  path?: string;
  /** Checked between pages: an abort throws the signal's AbortError. */
  signal?: AbortSignal;
  /** Overrides DELVE_PDF_BACKEND (pdfium by default, pdf.js as its fallback). */
  backend?: PdfBackend;
}

const PAGE_SEP = '\n\n';
const PARA_SEP = '\n\n';

export async function extractPdf(bytes: Uint8Array, opts: ExtractPdfOptions = {}): Promise<ExtractedDoc> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const where = opts.path ? `${opts.path}: ` : '';
  const src = await openSource(bytes, opts.path, opts.backend);
  try {
    const warnings: ErrorData[] = [...src.warnings];
    const labels = await src.labels().catch(() => null);
    const pages: ExtractedPage[] = [];
    const pageStarts: number[] = [];
    const blocks: Block[] = [];
    const headingPath = new HeadingPath();
    let text = '';
    let firstPageLines: Line[] = [];
    let firstPagesText = '';

    for (let n = 1; n <= src.numPages; n++) {
      // Let timers and messages (a cancel request from the pool) through between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      const fetched = await src.page(n);
      if (signal?.aborted && !('error' in fetched)) fetched.release();
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
          layout = layoutFrags(fetched.frags, n === 1);
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
          ocr = await fetched.needsOcr(pageText);
        } catch {
          ocr = false; // the text layer is what matters; an unreadable image is no reason to fail
        } finally {
          fetched.release();
        }
      }
      text += pageText;
      if (n <= 2) firstPagesText += (n > 1 ? '\n' : '') + pageText;
      pages.push({ number: n, label: labelOf(labels, n), text: pageText, needsOcr: ocr });
    }

    const { info, xmp } = await src.meta();
    const meta = extractMeta({ info, xmp, firstPageLines, firstPagesText });
    return {
      kind: 'pdf',
      title: meta.title,
      authors: meta.authors,
      year: meta.year,
      doi: meta.doi,
      metadata: { ...meta.info, pageCount: src.numPages, extractedFrom: meta.sources },
      text,
      pages,
      pageStarts,
      blocks,
      warnings,
    };
  } finally {
    await src.close();
  }
}

function labelOf(labels: (string | null)[] | null, n: number): string | null {
  const label = labels?.[n - 1];
  return label ? label : null;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
