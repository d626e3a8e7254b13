/**
 * The benchmark's model folder: a MiniLM-shaped encoder with seeded random weights (6 layers, hidden
 * 384, 12 heads, FFN 1536, vocab 30522, 512 positions) made once by ../shared/tools/make-bert-onnx.py
 * and cached under the OS temp folder keyed by those numbers, plus the real all-MiniLM-L6-v2
 * tokenizer and config. model.onnx is what Delve loads; onnx/model.onnx (a symlink) is the layout
 * transformers.js looks for; model_quantized.onnx is its int8 export (./quantize-int8.py: dynamic
 * int8 MatMuls as onnxruntime's quantize_dynamic makes them), which Delve runs on CPU by default.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** layers, hidden, heads, ffn, vocab, positions: all-MiniLM-L6-v2's shape. */
export const MODEL_ARGS = ['6', '384', '12', '1536', '30522', '512'];
const FROM_MINILM = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'vocab.txt'];

/** $BENCH_PYTHON, or the first of python3 and /usr/bin/python3 (apt's python3-onnx) that imports onnx and numpy. */
function pythonWithOnnx(): string {
  if (process.env.BENCH_PYTHON) return process.env.BENCH_PYTHON;
  const found = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import onnx, numpy'], { stdio: 'ignore' }).status === 0);
  if (!found) throw new Error('building the benchmark model needs python3 with onnx and numpy (apt-get install python3-onnx python3-numpy), or set BENCH_PYTHON');
  return found;
}

/** potion-base-8M's shape (dims 256) over the MiniLM tokenizer's 30522-token vocabulary (potion's own has 29528). */
export const STATIC_ARGS = ['30522', '256', '1'];

/** A model2vec-shaped static model with seeded random weights (./make-static-onnx.py) and the MiniLM tokenizer, cached like the encoder. */
export function benchStaticFolder(shared: string): string {
  const dir = join(process.env.BENCH_MODEL_CACHE ?? tmpdir(), `delve-bench-static-random-${STATIC_ARGS.join('-')}`);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const onnx = join(dir, 'onnx', 'model.onnx');
  if (!existsSync(onnx)) {
    const partial = join(dir, `model.partial-${process.pid}.onnx`);
    const script = fileURLToPath(new URL('../../../../test/bench/embed/make-static-onnx.py', import.meta.url));
    const python = pythonWithOnnx();
    const r = spawnSync(python, [script, ...STATIC_ARGS, partial], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cannot build the static benchmark model with ${python}: ${r.error?.message ?? r.stderr.trim()}`);
    renameSync(partial, onnx);
  }
  for (const f of ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json']) {
    if (!existsSync(join(dir, f))) copyFileSync(join(shared, 'models', 'all-MiniLM-L6-v2', f), join(dir, f));
  }
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'model2vec', hidden_dim: Number(STATIC_ARGS[1]), normalize: true }));
  return dir;
}

export function benchModelFolder(shared: string): string {
  const dir = join(process.env.BENCH_MODEL_CACHE ?? tmpdir(), `delve-bench-minilm-random-${MODEL_ARGS.join('-')}`);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const onnx = join(dir, 'model.onnx');
  if (!existsSync(onnx)) {
    const partial = join(dir, `model.partial-${process.pid}.onnx`);
    const script = join(shared, 'tools', 'make-bert-onnx.py');
    const python = pythonWithOnnx();
    const r = spawnSync(python, [script, ...MODEL_ARGS, partial], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cannot build the benchmark model with ${python}: ${r.error?.message ?? r.stderr.trim()}`);
    renameSync(partial, onnx);
  }
  const int8 = join(dir, 'model_quantized.onnx');
  if (!existsSync(int8)) {
    const partial = join(dir, `model_quantized.partial-${process.pid}.onnx`);
    const script = fileURLToPath(new URL('../../../../test/bench/embed/quantize-int8.py', import.meta.url));
    const python = pythonWithOnnx();
    const r = spawnSync(python, [script, onnx, partial], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cannot quantise the benchmark model with ${python}: ${r.error?.message ?? r.stderr.trim()}`);
    renameSync(partial, int8);
  }
  for (const f of FROM_MINILM) {
    if (!existsSync(join(dir, f))) copyFileSync(join(shared, 'models', 'all-MiniLM-L6-v2', f), join(dir, f));
  }
  if (!existsSync(join(dir, 'onnx', 'model.onnx'))) symlinkSync('../model.onnx', join(dir, 'onnx', 'model.onnx'));
  return dir;
}
