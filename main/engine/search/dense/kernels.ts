/** The scan's kernels by row form (search/dense/row-codec.ts): float32 (scan-kernel.ts) and int8 (scan-kernel-int8.ts). */
import { compileKernel, type WasmModule } from './scan-kernel.js';
import { compileInt8Kernel } from './scan-kernel-int8.js';
import type { RowCodes } from './row-codec.js';

export type Kernels = Record<RowCodes, WasmModule>;

/** Both kernels, or why they cannot run here (no WebAssembly SIMD). */
export function compileKernels(): Kernels | string {
  const float32 = compileKernel();
  if (typeof float32 === 'string') return float32;
  const int8 = compileInt8Kernel();
  if (typeof int8 === 'string') return int8;
  return { float32, int8 };
}
