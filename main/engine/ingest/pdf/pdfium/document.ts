/**
 * Opening a PDF with pdfium: load errors mapped onto engine error codes, page count, page labels,
 * the info dictionary, and per page the fragments and whether a large image is painted.
 */
import { EngineError } from '../../../errors.js';
import type { Frag } from '../model.js';
import { pageFragments } from './chars.js';
import { hasLargeImage } from './images.js';
import { loadPdfium, type Pdfium } from './module.js';
import { renderGrey, type GreyImage, type RenderLimits } from './render.js';

/** FPDF_GetLastError codes. */
const ERR_FILE = 2;
const ERR_FORMAT = 3;
const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;

const INFO_KEYS = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate'] as const;

export interface PdfiumPage {
  frags: Frag[][];
  /** True when the page paints an image over a large part of it (see images.ts). */
  imageProbe(): boolean;
  close(): void;
}

export interface PdfiumDoc {
  pageCount: number;
  /** Printed page labels, or null when the PDF defines none. */
  labels(): (string | null)[] | null;
  info(): Record<string, string>;
  /** Throws when pdfium cannot load the page. */
  page(index: number): PdfiumPage;
  /** Renders a page (0-based) to grey pixels for OCR; throws when pdfium cannot load it. */
  render(index: number, limits?: RenderLimits): GreyImage;
  close(): void;
}

/** Opens a copy of the bytes in pdfium's memory; throws PDF_ENCRYPTED / PDF_CORRUPT. */
export async function openPdfium(bytes: Uint8Array, where: string): Promise<PdfiumDoc> {
  const p = await loadPdfium();
  const { m, x } = p;
  const mem = x.malloc(Math.max(1, bytes.length));
  if (!mem) throw new EngineError('INTERNAL', `${where}out of memory for the PDF`);
  p.heapU8().set(bytes, mem);
  const doc = m.FPDF_LoadMemDocument(mem, bytes.length, '');
  if (!doc) {
    const code = m.FPDF_GetLastError();
    x.free(mem);
    if (code === ERR_PASSWORD) throw new EngineError('PDF_ENCRYPTED', `${where}the PDF is password-protected`);
    const why = code === ERR_FORMAT ? 'not a valid PDF structure' : code === ERR_FILE ? 'the file could not be read'
      : code === ERR_SECURITY ? 'unsupported security handler' : `pdfium error ${code}`;
    throw new EngineError('PDF_CORRUPT', `${where}the PDF could not be parsed (${why})`);
  }
  let closed = false;
  return {
    pageCount: m.FPDF_GetPageCount(doc),
    labels: () => readLabels(p, doc),
    info: () => {
      const out: Record<string, string> = {};
      for (const k of INFO_KEYS) {
        const v = metaText(p, doc, k);
        if (v) out[k] = v;
      }
      return out;
    },
    page: (index) => {
      const page = m.FPDF_LoadPage(doc, index);
      if (!page) throw new Error(`pdfium could not load the page (error ${m.FPDF_GetLastError()})`);
      const tp = m.FPDFText_LoadPage(page);
      if (!tp) {
        m.FPDF_ClosePage(page);
        throw new Error('pdfium could not read the text layer');
      }
      let frags: Frag[][];
      try {
        frags = pageFragments(p, tp);
      } finally {
        m.FPDFText_ClosePage(tp);
      }
      return {
        frags,
        imageProbe: () => hasLargeImage(p, page),
        close: () => m.FPDF_ClosePage(page),
      };
    },
    render: (index, limits) => {
      const page = m.FPDF_LoadPage(doc, index);
      if (!page) throw new Error(`pdfium could not load the page (error ${m.FPDF_GetLastError()})`);
      try {
        return renderGrey(p, page, limits);
      } finally {
        m.FPDF_ClosePage(page);
      }
    },
    close: () => {
      if (closed) return;
      closed = true;
      m.FPDF_CloseDocument(doc);
      x.free(mem);
    },
  };
}

function readLabels(p: Pdfium, doc: number): (string | null)[] | null {
  const n = p.m.FPDF_GetPageCount(doc);
  const out: (string | null)[] = [];
  let any = false;
  let buf = 0;
  let cap = 0;
  try {
    for (let i = 0; i < n; i++) {
      const len = p.m.FPDF_GetPageLabel(doc, i, 0, 0);
      if (len <= 2) { out.push(null); continue; }
      if (len > cap) {
        if (buf) p.x.free(buf);
        cap = len;
        buf = p.x.malloc(cap);
      }
      p.m.FPDF_GetPageLabel(doc, i, buf, len);
      const s = p.utf16(buf, len);
      out.push(s || null);
      if (s) any = true;
    }
  } finally {
    if (buf) p.x.free(buf);
  }
  return any ? out : null;
}

function metaText(p: Pdfium, doc: number, key: string): string {
  const len = p.m.FPDF_GetMetaText(doc, key, 0, 0);
  if (len <= 2) return '';
  const buf = p.x.malloc(len);
  try {
    p.m.FPDF_GetMetaText(doc, key, buf, len);
    return p.utf16(buf, len).trim();
  } finally {
    p.x.free(buf);
  }
}
