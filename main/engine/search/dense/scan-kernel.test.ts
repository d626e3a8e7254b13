import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileKernel, instantiate, kernelBytes, LANES, Wasm, type WasmModule } from './scan-kernel.js';
import { BLOCK_ROWS, scanLayout, scanRange } from './scan-range.js';
import { seeded } from '../../../../test/helpers/seeded.js';

/** Rows of `dims` random values laid out as the scan holds them (padded to the stride), and a query. */
function setup(dims: number, rows: number, seed: number) {
  const layout = scanLayout(dims, 2);
  const bytes = layout.rowsBase + rows * layout.stride * 4;
  const memory = new Wasm.Memory({ initial: Math.ceil(bytes / 65536) + 1, maximum: 65536, shared: true });
  const f = new Float32Array(memory.buffer);
  const r = seeded(seed);
  for (let i = 0; i < rows; i++) for (let d = 0; d < dims; d++) f[layout.rowsBase / 4 + i * layout.stride + d] = r();
  const query = new Float32Array(layout.stride);
  for (let d = 0; d < dims; d++) query[d] = r();
  const reference = (i: number) => {
    let s = 0;
    for (let d = 0; d < dims; d++) s += query[d]! * f[layout.rowsBase / 4 + i * layout.stride + d]!;
    return s;
  };
  return { layout, memory, query, reference };
}

test('the kernel is valid WebAssembly with SIMD and pads rows to 16 floats', () => {
  assert.equal(Wasm.validate(kernelBytes()), true);
  assert.equal(typeof compileKernel(), 'object');
  assert.equal(LANES, 16);
  assert.deepEqual([1, 16, 17, 100, 384].map((d) => scanLayout(d, 1).stride), [16, 16, 32, 112, 384]);
});

test('dot products equal a float64 reference for several widths, across block boundaries', () => {
  const module = compileKernel() as WasmModule;
  for (const [dims, rows] of [[16, 1], [100, 37], [384, BLOCK_ROWS + 5]] as const) {
    const { layout, memory, query, reference } = setup(dims, rows, dims);
    const scores = instantiate(module, memory);
    const hits = scanRange(scores, memory, layout, 1, query, 0, rows, rows);
    assert.equal(hits.ids.length, rows);
    const byRow = new Map(Array.from(hits.ids, (id, j) => [id, hits.scores[j]!]));
    for (let i = 0; i < rows; i++) assert.ok(Math.abs(byRow.get(i)! - reference(i)) < 1e-4, `dims ${dims} row ${i}: ${byRow.get(i)} vs ${reference(i)}`);
    for (let j = 1; j < hits.scores.length; j++) assert.ok(hits.scores[j - 1]! >= hits.scores[j]!, 'best first');
  }
});

test('a sub-range keeps only its best m, with row indexes of the whole table', () => {
  const module = compileKernel() as WasmModule;
  const { layout, memory, query, reference } = setup(48, 500, 3);
  const hits = scanRange(instantiate(module, memory), memory, layout, 0, query, 200, 150, 10);
  const want = Array.from({ length: 150 }, (_, j) => 200 + j).sort((a, b) => reference(b) - reference(a)).slice(0, 10);
  assert.deepEqual(Array.from(hits.ids), want);
  assert.throws(() => scanRange(instantiate(module, memory), memory, layout, 0, new Float32Array(3), 0, 1, 1), /query has 3 floats/);
});
