/**
 * Loads pdf.js (legacy build, in-thread "fake worker") once per thread and knows where its data
 * files live.
 *
 * The legacy build bundles core-js, which on Node 20 replaces a few built-ins process-wide with
 * slower spec-patch versions (Array.prototype.push, JSON.parse/stringify, Function.prototype.toString).
 * Nothing in pdf.js depends on those patches, and the slow `push` costs the whole parser thread
 * (pdf.js itself included) 10-30% (profiles, timings), so the natives are put back once both
 * modules are loaded.
 * The polyfills that only add missing APIs (Promise.withResolvers, Uint8Array.fromBase64...) stay:
 * pdf.js needs them. The worker module is imported here, before the restore, and handed to pdf.js
 * as its in-thread worker, so it is never imported later behind our back.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const LIB = 'pdfjs-dist/legacy/build/pdf.mjs';
const WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let loading: Promise<PdfJs> | null = null;

/** The pdf.js module, loaded on first use. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= load().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

async function load(): Promise<PdfJs> {
  const saved: [object, string, PropertyDescriptor | undefined][] = [
    [Array.prototype, 'push'], [JSON, 'parse'], [JSON, 'stringify'], [Function.prototype, 'toString'],
  ].map(([owner, key]) => [owner as object, key as string, Object.getOwnPropertyDescriptor(owner, key as string)]);
  try {
    const lib = (await import(LIB)) as PdfJs;
    // A non-literal specifier: the worker bundle ships without type declarations.
    const workerSpecifier: string = WORKER;
    await import(workerSpecifier);
    // The fake worker imports workerSrc; pointing it at the module already loaded reuses that instance.
    lib.GlobalWorkerOptions.workerSrc = pathToFileURL(path.join(packageDir(), 'legacy/build/pdf.worker.mjs')).href;
    return lib;
  } finally {
    for (const [owner, key, desc] of saved) if (desc) Object.defineProperty(owner, key, desc);
  }
}

let pkgDir: string | null = null;

/** Absolute folder of the installed pdfjs-dist package. */
export function packageDir(): string {
  pkgDir ??= path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return pkgDir;
}

/** Folder paths (with the trailing slash pdf.js insists on) of the data pdf.js loads on demand. */
export function dataUrls(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const dir = packageDir();
  return {
    cMapUrl: path.join(dir, 'cmaps') + '/',
    standardFontDataUrl: path.join(dir, 'standard_fonts') + '/',
    wasmUrl: path.join(dir, 'wasm') + '/',
  };
}
