/**
 * pdf.js for the viewer, loaded on demand (the viewer imports this module only for PDFs). The
 * worker is a same-origin file emitted by Vite (the app's CSP allows only 'self' scripts), and
 * pdf.js is told not to compile fonts with eval.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = pdfjs.PDFDocumentProxy;
export type PdfPage = pdfjs.PDFPageProxy;
/** This module, as PdfView loads it on demand. */
export type PdfLib = typeof import('./pdfjs.js');
export const { TextLayer, RenderingCancelledException } = pdfjs;

/** Opens a PDF from its bytes (they are handed to the worker). */
export function openPdf(bytes: Uint8Array): { promise: Promise<PdfDocument>; destroy(): Promise<void> } {
  const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, enableXfa: false, stopAtErrors: false });
  return { promise: task.promise, destroy: () => task.destroy() };
}

/** Whether an error only says a render was cancelled (the page scrolled away or the zoom changed). */
export const isCancelled = (err: unknown): boolean =>
  err instanceof RenderingCancelledException || (err as { name?: string } | null)?.name === 'AbortException';
