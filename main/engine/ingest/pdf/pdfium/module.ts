/**
 * The pdfium WASM module (`@embedpdf/pdfium`), initialised once per thread on first use, and the
 * few memory helpers the backend needs. The hot per-character calls go straight to the raw WASM
 * exports (no cwrap marshalling); everything else uses the wrapped functions.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { WrappedPdfiumModule } from '@embedpdf/pdfium';

/** Raw exports used per character: plain numbers in, numbers out. */
export interface RawExports {
  malloc(size: number): number;
  free(ptr: number): void;
  FPDFText_GetUnicode(tp: number, i: number): number;
  FPDFText_GetLooseCharBox(tp: number, i: number, rect: number): number;
  FPDFText_GetCharOrigin(tp: number, i: number, x: number, y: number): number;
  FPDFText_GetTextObject(tp: number, i: number): number;
  FPDFText_GetFontSize(tp: number, i: number): number;
  FPDFText_GetMatrix(tp: number, i: number, m: number): number;
  FPDFText_GetFontInfo(tp: number, i: number, buf: number, len: number, flags: number): number;
}

export interface Pdfium {
  m: WrappedPdfiumModule;
  x: RawExports;
  heapU8(): Uint8Array;
  heapF64(): Float64Array;
  heapF32(): Float32Array;
  /** Reads `bytes` bytes of UTF-16LE at ptr (a trailing NUL dropped). */
  utf16(ptr: number, bytes: number): string;
  /** A scratch buffer of at least 64 bytes, 8-aligned, for out-parameters. */
  scratch: number;
}

/** A compiled WebAssembly.Module (the engine's TypeScript libs do not declare WebAssembly). */
export type CompiledWasm = { readonly __compiledWasm: unique symbol };
interface WasmApi {
  Module: abstract new (...args: never[]) => object;
  compile(bytes: Uint8Array): Promise<CompiledWasm>;
  instantiate(mod: CompiledWasm, imports: unknown): Promise<unknown>;
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let loading: Promise<Pdfium> | null = null;
let compiled: Promise<CompiledWasm> | null = null;
let provided: CompiledWasm | null = null;

/**
 * The compiled WASM module, compiled once per process. Worker threads given this module (see
 * usePdfiumModule) share its machine code, including what V8 has already optimised, instead of
 * each compiling and warming up their own: about a third less CPU per fresh worker.
 */
export function compiledPdfium(): Promise<CompiledWasm> {
  const p = compiled ?? Wasm.compile(readFileSync(wasmPath())).catch((err: unknown) => {
    compiled = null;
    throw err;
  });
  compiled = p;
  return p;
}

/** Makes this thread instantiate the given compiled module instead of compiling its own. */
export function usePdfiumModule(mod: unknown): void {
  if (mod instanceof Wasm.Module) provided = mod as CompiledWasm;
}

function wasmPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@embedpdf/pdfium')), 'pdfium.wasm');
}

/** The module, loaded on first use; a failed load is retried on the next call. */
export function loadPdfium(): Promise<Pdfium> {
  loading ??= load().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

async function load(): Promise<Pdfium> {
  const { init } = await import('@embedpdf/pdfium');
  const mod = provided ?? await compiledPdfium();
  let fail: (err: unknown) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => { fail = reject; });
  const m = await Promise.race([failed, init({
    // Emscripten's hook for instantiating a module compiled elsewhere; a failure there would
    // otherwise leave init pending forever.
    instantiateWasm: (imports: unknown, done: (instance: unknown, module: CompiledWasm) => void) => {
      Wasm.instantiate(mod, imports).then((instance) => done(instance, mod), fail);
      return {};
    },
  } as unknown as Parameters<typeof init>[0])]);
  m.PDFiumExt_Init();
  const P = m.pdfium as unknown as { wasmExports: RawExports; HEAPU8: Uint8Array; HEAPF64: Float64Array; HEAPF32: Float32Array };
  const x = P.wasmExports;
  const scratch = x.malloc(256);
  const decoder = new TextDecoder('utf-16le');
  return {
    m,
    x,
    // The views are replaced when the WASM memory grows: always read them afresh.
    heapU8: () => P.HEAPU8,
    heapF64: () => P.HEAPF64,
    heapF32: () => P.HEAPF32,
    utf16: (ptr, bytes) => {
      let n = bytes - (bytes % 2);
      const heap = P.HEAPU8;
      while (n >= 2 && heap[ptr + n - 2] === 0 && heap[ptr + n - 1] === 0) n -= 2;
      return n > 0 ? decoder.decode(heap.subarray(ptr, ptr + n)) : '';
    },
    scratch,
  };
}
