/**
 * pdf.js for the viewer, loaded on demand (the viewer imports this module only for PDFs). The
 * worker is a same-origin file emitted by Vite (the app's CSP allows only 'self' scripts), and
 * pdf.js is told not to compile fonts with eval. Its decoders (JPEG 2000, JBIG2: WebAssembly, which
 * the CSP allows with 'wasm-unsafe-eval'), CJK CMaps and standard fonts come from the app's own
 * origin, copied into the build at pdfjs/ (renderer/pdfjsAssets.ts), fetched by this thread
 * (useWorkerFetch: false, as pdf.js itself chooses for a non-http origin such as app://delve).
 * assetUrls is exported for the rendering test (test/e2e/pdf-render.e2e.test.ts).
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = pdfjs.PDFDocumentProxy;
export type PdfPage = pdfjs.PDFPageProxy;
/** This module, as PdfView loads it on demand. */
export type PdfLib = typeof import('./pdfjs.js');
export const { TextLayer, RenderingCancelledException } = pdfjs;

/** Where pdf.js finds its data folders, relative to the page (app://delve/index.html). */
export function assetUrls(base: string): { wasmUrl: string; cMapUrl: string; cMapPacked: true; standardFontDataUrl: string } {
  const at = (dir: string) => new URL(`pdfjs/${dir}/`, base).href;
  return { wasmUrl: at('wasm'), cMapUrl: at('cmaps'), cMapPacked: true, standardFontDataUrl: at('standard_fonts') };
}

/** Opens a PDF from its bytes (they are handed to the worker). */
export function openPdf(bytes: Uint8Array): { promise: Promise<PdfDocument>; destroy(): Promise<void> } {
  const task = pdfjs.getDocument({
    data: bytes, isEvalSupported: false, enableXfa: false, stopAtErrors: false,
    ...assetUrls(document.baseURI), useWorkerFetch: false,
    // Non-embedded standard fonts (Helvetica, Times, Courier…) from pdfjs/standard_fonts/, the same
    // on every OS, rather than whatever the system substitutes.
    useSystemFonts: false,
  });
  return { promise: task.promise, destroy: () => task.destroy() };
}

/** Whether an error only says a render was cancelled (the page scrolled away or the zoom changed). */
export const isCancelled = (err: unknown): boolean =>
  err instanceof RenderingCancelledException || (err as { name?: string } | null)?.name === 'AbortException';
