/**
 * Opening a PDF with pdf.js: byte sniffing before pdf.js sees anything, the options that keep it
 * fast and headless, and the mapping of its failures onto engine error codes.
 */
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import { EngineError, type ErrorData } from '../../errors.js';
import { dataUrls, loadPdfJs } from './pdfjs.js';

export interface OpenedPdf {
  doc: PDFDocumentProxy;
  /** Always call: releases the document and its in-thread worker. Safe to call twice. */
  close(): Promise<void>;
  warnings: ErrorData[];
}

export interface OpenOptions {
  /** For messages only. */
  path?: string;
  /**
   * Extra pdf.js options for special-purpose second opens (the OCR probe): they must not change
   * what the text layer looks like.
   */
  extra?: { maxImageSize?: number; stopAtErrors?: boolean };
}

const HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const EOF_MARK = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

/** Throws EMPTY_FILE / NOT_A_PDF; returns a PDF_TRUNCATED warning when the end marker is missing. */
export function sniff(bytes: Uint8Array, where: string): ErrorData[] {
  if (bytes.length === 0) throw new EngineError('EMPTY_FILE', `${where}the file is empty`);
  if (indexOf(bytes, HEADER, 0, Math.min(bytes.length, 1024)) < 0) {
    throw new EngineError('NOT_A_PDF', `${where}no %PDF- header in the first 1024 bytes: not a PDF`);
  }
  const tail = Math.max(0, bytes.length - 2048);
  if (indexOf(bytes, EOF_MARK, tail, bytes.length) < 0) {
    return [{ code: 'PDF_TRUNCATED', message: `${where}no %%EOF at the end of the file: it looks truncated; extracted what could be read` }];
  }
  return [];
}

export async function openPdf(bytes: Uint8Array, opts: OpenOptions = {}): Promise<OpenedPdf> {
  const where = opts.path ? `${opts.path}: ` : '';
  const warnings = sniff(bytes, where);
  const pdfjs = await loadPdfJs();
  const task: PDFDocumentLoadingTask = pdfjs.getDocument({
    // A copy: pdf.js takes ownership of (detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    ...dataUrls(),
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    verbosity: 0,
    ...opts.extra,
  });
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await task.destroy().catch(() => undefined);
  };
  try {
    const doc = await task.promise;
    return { doc, close, warnings };
  } catch (err) {
    await close();
    const mapped = mapOpenError(err, where);
    if (mapped.code === 'PDF_CORRUPT' && warnings.some((w) => w.code === 'PDF_TRUNCATED')) {
      throw new EngineError('PDF_CORRUPT', `${mapped.message}; the file looks truncated (no %%EOF at its end)`, { cause: err });
    }
    throw mapped;
  }
}

/** pdf.js exceptions carry their kind in `name`. */
export function mapOpenError(err: unknown, where: string): EngineError {
  if (err instanceof EngineError) return err;
  const name = (err as { name?: unknown } | null)?.name;
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') {
    return new EngineError('PDF_ENCRYPTED', `${where}the PDF is password-protected`, { cause: err });
  }
  return new EngineError('PDF_CORRUPT', `${where}the PDF could not be parsed (${message})`, { cause: err });
}

function indexOf(hay: Uint8Array, needle: number[], from: number, to: number): number {
  const first = needle[0]!;
  for (let i = hay.indexOf(first, from); i >= 0 && i + needle.length <= to; i = hay.indexOf(first, i + 1)) {
    let ok = true;
    for (let j = 1; j < needle.length; j++) {
      if (hay[i + j] !== needle[j]) { ok = false; break; }
    }
    if (ok) return i;
  }
  return -1;
}
