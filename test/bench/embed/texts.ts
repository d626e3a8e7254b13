/** Chunk-sized real texts: SciFact abstracts (title + abstract, about 200–300 tokens each), in corpus order. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function scifactTexts(shared: string): string[] {
  const lines = readFileSync(join(shared, 'data', 'scifact', 'corpus.jsonl'), 'utf8').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { title?: string; text?: string };
    const text = `${doc.title ?? ''}\n${doc.text ?? ''}`.trim();
    if (text) out.push(text);
  }
  return out;
}

/** `n` texts, cycling through `pool` when it is shorter. */
export function take(pool: string[], n: number): string[] {
  return Array.from({ length: n }, (_, i) => pool[i % pool.length]!);
}

/** Real tokens / padded tokens when `lengths` are cut into batches of `size` in the given order (transformers.js's batches). */
export function paddingEfficiency(lengths: number[], size: number): number {
  let real = 0;
  let padded = 0;
  for (let s = 0; s < lengths.length; s += size) {
    const batch = lengths.slice(s, s + size);
    real += batch.reduce((a, b) => a + b, 0);
    padded += batch.length * Math.max(...batch);
  }
  return padded > 0 ? real / padded : 1;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}
