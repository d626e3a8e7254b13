/**
 * The int8 kernel of the in-memory vector scan (search/dense/vector-scan.ts), for tables whose float
 * vectors would not fit the scan's memory limit: each row is held as int8 codes (one scale per row,
 * search/dense/row-codec.ts), 4× smaller than floats, and scored against the query's int16 codes with
 * WebAssembly SIMD: 16 codes widened to int16 (i16x8.extend_{low,high}_i8x16_s), multiplied and
 * pair-summed into int32 lanes (i32x4.dot_i16x8_s). Integer sums are exact, so the kernel equals a
 * scalar reference bit for bit; only the codes approximate the vectors, and the scanner re-scores its
 * candidates with the float vectors.
 *
 * `scores(q, rows, n, pitchBytes, out)`: row i starts at rows + i·pitch; its codes fill pitch − 16
 * bytes (a multiple of 16), then its scale (f32) and 12 bytes of padding. out[i] (f32) =
 * scale_i · Σ_d q[d] · code_i[d], where q holds int16 codes at byte offset q. The caller keeps
 * Σ|q[d]|·127 under 2^31 (row-codec.ts sizes the query's codes so).
 */
import { scoresModule, sleb, uleb, Wasm, type WasmModule } from './scan-kernel.js';

const I32 = 0x7f;
const V128 = 0x7b;

// Locals: parameters q=0, rows=1 (advanced as the row pointer), n=2, pitch=3, out=4; then i=5, qp=6, end=7, acc0=8, acc1=9, codes=10.
const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const tee = (i: number) => [0x22, i];
const simd = (op: number) => [0xfd, ...uleb(op)];
const V128_LOAD = (offset: number) => [...simd(0x00), 4, ...uleb(offset)];
const V128_ZERO = [...simd(0x0c), ...new Array<number>(16).fill(0)];
const EXTEND_LOW_S = simd(0x87);
const EXTEND_HIGH_S = simd(0x88);
const DOT_I16 = simd(0xba);
const I32X4_ADD = simd(0xae);
const I32X4_EXTRACT = (lane: number) => [...simd(0x1b), lane];
const I32_CONST = (v: number) => [0x41, ...sleb(v)];
const [I32_ADD, I32_SUB, I32_SHL, I32_LT_U, I32_GE_U] = [0x6a, 0x6b, 0x74, 0x49, 0x4f];
const [F32_CONVERT_I32_S, F32_MUL] = [0xb2, 0x94];
const F32_LOAD = [0x2a, 2, 0];
const F32_STORE = [0x38, 2, 0];
const [BLOCK, LOOP, END, BR, BR_IF, VOID] = [0x02, 0x03, 0x0b, 0x0c, 0x0d, 0x40];

const addConst = (local: number, v: number) => [...get(local), ...I32_CONST(v), I32_ADD, ...set(local)];

const body = [
  BLOCK, VOID, LOOP, VOID,
  ...get(5), ...get(2), I32_GE_U, BR_IF, 1, // i >= n: done
  ...V128_ZERO, ...set(8), ...V128_ZERO, ...set(9),
  ...get(0), ...set(6),
  ...get(1), ...get(3), I32_ADD, ...I32_CONST(16), I32_SUB, ...set(7), // end of the row's codes
  LOOP, VOID,
  ...get(1), ...V128_LOAD(0), ...tee(10),
  ...EXTEND_LOW_S, ...get(6), ...V128_LOAD(0), ...DOT_I16, ...get(8), ...I32X4_ADD, ...set(8),
  ...get(10), ...EXTEND_HIGH_S, ...get(6), ...V128_LOAD(16), ...DOT_I16, ...get(9), ...I32X4_ADD, ...set(9),
  ...addConst(1, 16), ...addConst(6, 32),
  ...get(1), ...get(7), I32_LT_U, BR_IF, 0,
  END,
  ...get(8), ...get(9), ...I32X4_ADD, ...set(8),
  ...get(4), ...get(5), ...I32_CONST(2), I32_SHL, I32_ADD, // &out[i]
  ...get(8), ...I32X4_EXTRACT(0), ...get(8), ...I32X4_EXTRACT(1), I32_ADD,
  ...get(8), ...I32X4_EXTRACT(2), ...get(8), ...I32X4_EXTRACT(3), I32_ADD, I32_ADD,
  F32_CONVERT_I32_S,
  ...get(1), ...F32_LOAD, F32_MUL, // × the row's scale, just after its codes
  ...F32_STORE,
  ...addConst(1, 16), // past the scale's 16 bytes: the next row
  ...addConst(5, 1),
  BR, 0,
  END, END, END,
];

/** The module's bytes; it imports a shared memory whose maximum is at most MAX_PAGES. */
export function int8KernelBytes(): Uint8Array {
  return scoresModule([...uleb(2), 3, I32, 3, V128], body);
}

export function compileInt8Kernel(): WasmModule | string {
  const bytes = int8KernelBytes();
  if (!Wasm.validate(bytes)) return 'this runtime has no WebAssembly SIMD';
  return new Wasm.Module(bytes);
}
