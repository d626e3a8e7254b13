/**
 * The benchmark's model folder: a MiniLM-shaped encoder with seeded random weights (6 layers, hidden
 * 384, 12 heads, FFN 1536, vocab 30522, 512 positions) made once by ../shared/tools/make-bert-onnx.py
 * and cached under the OS temp folder keyed by those numbers, plus the real all-MiniLM-L6-v2
 * tokenizer and config. model.onnx is what Delve loads; onnx/model.onnx (a symlink) is the layout
 * transformers.js looks for.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  for (const f of FROM_MINILM) {
    if (!existsSync(join(dir, f))) copyFileSync(join(shared, 'models', 'all-MiniLM-L6-v2', f), join(dir, f));
  }
  if (!existsSync(join(dir, 'onnx', 'model.onnx'))) symlinkSync('../model.onnx', join(dir, 'onnx', 'model.onnx'));
  return dir;
}
