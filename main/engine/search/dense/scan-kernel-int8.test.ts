import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codecOf } from './row-codec.js';
import { instantiate, Wasm, type WasmModule } from './scan-kernel.js';
import { compileInt8Kernel, int8KernelBytes } from './scan-kernel-int8.js';
import { BLOCK_ROWS, scanLayout, scanRange } from './scan-range.js';
import { seeded } from '../../../../test/helpers/seeded.js';

/** Random vectors written as int8 rows, the query, and a scalar reference of what the kernel computes. */
function setup(dims: number, rows: number, seed: number) {
  const layout = scanLayout(dims, 2, 'int8');
  const memory = new Wasm.Memory({ initial: Math.ceil((layout.rowsBase + rows * layout.rowBytes) / 65536) + 1, maximum: 65536, shared: true });
  const bytes = new Uint8Array(memory.buffer);
  const codec = codecOf('int8');
  const r = seeded(seed);
  const vs = Array.from({ length: rows }, () => Float32Array.from({ length: dims }, r));
  vs.forEach((v, i) => codec.write(bytes, layout.rowsBase + i * layout.rowBytes, v, 0, dims, layout.stride));
  const unit = (v: Float32Array) => { const n = Math.hypot(...v); return v.map((x) => x / n); };
  const query = new Float32Array(layout.stride);
  query.set(unit(Float32Array.from({ length: dims }, r)));
  // The scalar reference: the int16 query codes the scan writes, the row's int8 codes and scale, an integer sum.
  const qBytes = new Uint8Array(layout.stride * 2);
  const factor = codec.writeQuery(qBytes, 0, query);
  const q16 = new Int16Array(qBytes.buffer);
  const reference = (i: number) => {
    const at = layout.rowsBase + i * layout.rowBytes;
    const codes = new Int8Array(memory.buffer, at, layout.stride);
    let dot = 0;
    for (let d = 0; d < layout.stride; d++) dot += q16[d]! * codes[d]!;
    const scale = new DataView(memory.buffer, at + layout.stride, 4).getFloat32(0, true);
    return Math.fround(Math.fround(dot) * scale) * factor;
  };
  const cosine = (i: number) => { const u = unit(vs[i]!); return u.reduce((s, x, d) => s + x * query[d]!, 0); };
  return { layout, memory, query, reference, cosine };
}

test('the int8 kernel is valid WebAssembly with SIMD; rows take a byte a dimension and 16 for the scale', () => {
  assert.equal(Wasm.validate(int8KernelBytes()), true);
  assert.equal(typeof compileInt8Kernel(), 'object');
  assert.deepEqual([16, 100, 384].map((d) => scanLayout(d, 1, 'int8').rowBytes), [32, 128, 400]);
});

test('int8 scores equal the scalar integer reference exactly, across block boundaries, and approximate the cosine', () => {
  const module = compileInt8Kernel() as WasmModule;
  for (const [dims, rows] of [[16, 3], [100, 41], [384, BLOCK_ROWS + 7]] as const) {
    const { layout, memory, query, reference, cosine } = setup(dims, rows, dims + 1);
    const hits = scanRange(instantiate(module, memory), memory, layout, 1, query, 0, rows, rows);
    assert.equal(hits.ids.length, rows);
    hits.ids.forEach((id, j) => {
      assert.equal(hits.scores[j], reference(id), `dims ${dims} row ${id}`);
      assert.ok(Math.abs(hits.scores[j]! - cosine(id)) < 0.01, `dims ${dims} row ${id}: ${hits.scores[j]} vs cosine ${cosine(id)}`);
    });
    for (let j = 1; j < rows; j++) assert.ok(hits.scores[j - 1]! >= hits.scores[j]!, 'best first');
  }
});

test('int8 codes: a row\'s largest component is ±127, a zero vector stays zero, query codes cannot overflow int32', () => {
  const codec = codecOf('int8');
  const layout = scanLayout(1024, 1, 'int8');
  const bytes = new Uint8Array(layout.rowBytes * 2);
  codec.write(bytes, 0, Float32Array.from({ length: 1024 }, (_, d) => (d === 5 ? -3 : 1)), 0, 1024, layout.stride);
  const codes = new Int8Array(bytes.buffer, 0, 1024);
  assert.equal(codes[5], -127);
  assert.equal(codes[0], 42);
  codec.write(bytes, layout.rowBytes, new Float32Array(1024), 0, 1024, layout.stride);
  assert.ok(new Int8Array(bytes.buffer, layout.rowBytes, layout.rowBytes).every((c) => c === 0));
  const q = new Float32Array(1024).fill(1 / 32); // unit length, as flat as a query can be
  const qBytes = new Uint8Array(2048);
  const factor = codec.writeQuery(qBytes, 0, q);
  const sum = Array.from(new Int16Array(qBytes.buffer)).reduce((s, x) => s + Math.abs(x), 0);
  assert.ok(sum * 127 < 2 ** 31, `Σ|q|·127 = ${sum * 127}`);
  assert.ok(Math.abs(new Int16Array(qBytes.buffer)[0]! * factor - 1 / 32) < 1e-4);
});
