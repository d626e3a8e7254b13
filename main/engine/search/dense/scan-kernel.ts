/**
 * The dot-product kernel of the in-memory vector scan, as a WebAssembly module using 128-bit SIMD
 * (four f32 lanes, four accumulators, so 16 floats per step). A plain JavaScript loop over 100k
 * 384-d vectors takes about 40 ms on this machine; the kernel takes about 10 ms, where reading the
 * 150 MB of vectors from memory is the limit. The module is assembled here from its opcodes (WebAssembly
 * core spec §5, SIMD proposal opcodes) so the repository holds no opaque binary; tests check it
 * against a float64 reference.
 *
 * `scores(q, rows, n, strideBytes, out)`: for i in [0, n): out[i] = Σ_d q[d] · rows[i·stride + d].
 * All arguments are byte offsets into the imported shared memory `env.memory`. The stride must be a
 * multiple of 64 bytes (rows are zero-padded to 16 floats), so the inner loop needs no tail.
 */

/** The parts of the WebAssembly API used here (the engine's TypeScript libs do not declare WebAssembly). */
export interface WasmMemory { readonly buffer: SharedArrayBuffer; grow(pages: number): number }
export type WasmModule = { readonly __wasmModule: unique symbol };
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: Record<string, unknown> };
  Memory: new (desc: { initial: number; maximum: number; shared: true }) => WasmMemory;
}
export const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Floats per kernel step: rows and queries are padded to a multiple of this. */
export const LANES = 16;

const I32 = 0x7f;
const V128 = 0x7b;

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128, as i32.const takes it (64 is 0xc0 0x00: a lone 0x40 would read as -64). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

export const name = (s: string) => [...uleb(s.length), ...Buffer.from(s, 'utf8')];
export const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
export const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];

// Locals: parameters q=0, rows=1 (advanced as the row pointer), n=2, stride=3, out=4; then i=5, qp=6, end=7, acc0..3=8..11.
const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const simd = (op: number) => [0xfd, ...uleb(op)];
const V128_LOAD = (offset: number) => [...simd(0x00), 4, ...uleb(offset)];
const V128_ZERO = [...simd(0x0c), ...new Array<number>(16).fill(0)];
const F32X4_EXTRACT = (lane: number) => [...simd(0x1f), lane];
const F32X4_ADD = simd(0xe4);
const F32X4_MUL = simd(0xe6);
const I32_CONST = (v: number) => [0x41, ...sleb(v)];
const [I32_ADD, I32_SHL, I32_LT_U, I32_GE_U, F32_ADD] = [0x6a, 0x74, 0x49, 0x4f, 0x92];
const [BLOCK, LOOP, END, BR, BR_IF, VOID] = [0x02, 0x03, 0x0b, 0x0c, 0x0d, 0x40];

/** acc += rows[offset] * q[offset], four lanes. */
const madd = (acc: number, offset: number) => [...get(acc), ...get(1), ...V128_LOAD(offset), ...get(6), ...V128_LOAD(offset), ...F32X4_MUL, ...F32X4_ADD, ...set(acc)];
const addConst = (local: number, v: number) => [...get(local), ...I32_CONST(v), I32_ADD, ...set(local)];

const body = [
  BLOCK, VOID, LOOP, VOID,
  ...get(5), ...get(2), I32_GE_U, BR_IF, 1, // i >= n: done
  ...V128_ZERO, ...set(8), ...V128_ZERO, ...set(9), ...V128_ZERO, ...set(10), ...V128_ZERO, ...set(11),
  ...get(0), ...set(6),
  ...get(1), ...get(3), I32_ADD, ...set(7),
  LOOP, VOID,
  ...madd(8, 0), ...madd(9, 16), ...madd(10, 32), ...madd(11, 48),
  ...addConst(1, 64), ...addConst(6, 64),
  ...get(1), ...get(7), I32_LT_U, BR_IF, 0,
  END,
  ...get(8), ...get(9), ...F32X4_ADD, ...get(10), ...get(11), ...F32X4_ADD, ...F32X4_ADD, ...set(8),
  ...get(4), ...get(5), ...I32_CONST(2), I32_SHL, I32_ADD, // &out[i]
  ...get(8), ...F32X4_EXTRACT(0), ...get(8), ...F32X4_EXTRACT(1), F32_ADD,
  ...get(8), ...F32X4_EXTRACT(2), ...get(8), ...F32X4_EXTRACT(3), F32_ADD, F32_ADD,
  0x38, 2, 0, // f32.store align=4 offset=0
  ...addConst(5, 1),
  BR, 0,
  END, END, END,
];

/** Largest memory the kernel accepts: 65536 pages of 64 KiB (4 GiB, all a 32-bit address reaches). */
export const MAX_PAGES = 65536;

/** The module's bytes; it imports a shared memory whose maximum is at most MAX_PAGES. */
export function kernelBytes(): Uint8Array {
  return scoresModule([...uleb(2), 3, I32, 4, V128], body);
}

/**
 * A module exporting one function `scores(q, rows, n, stride, out)` with these locals and body, over an
 * imported shared memory of at most MAX_PAGES (the float kernel here, the int8 one in scan-kernel-int8.ts).
 */
export function scoresModule(locals: number[], body: number[]): Uint8Array {
  const code = [...locals, ...body];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([[0x60, ...vector([[I32], [I32], [I32], [I32], [I32]]), 0]])),
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x03, ...uleb(1), ...uleb(MAX_PAGES)]])),
    ...section(3, vector([[0]])),
    ...section(7, vector([[...name('scores'), 0x00, 0]])),
    ...section(10, vector([[...uleb(code.length), ...code]])),
  ]);
}

export type ScoresFn = (q: number, rows: number, n: number, strideBytes: number, out: number) => void;

/** Compiles the kernel, or returns why it cannot run here (no WebAssembly SIMD). */
export function compileKernel(): WasmModule | string {
  const bytes = kernelBytes();
  if (!Wasm.validate(bytes)) return 'this runtime has no WebAssembly SIMD';
  return new Wasm.Module(bytes);
}

export function instantiate(module: WasmModule, memory: WasmMemory): ScoresFn {
  return new Wasm.Instance(module, { env: { memory } }).exports.scores as ScoresFn;
}
