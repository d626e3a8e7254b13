/**
 * The write benchmark's vectors (search-vectors.ts's random projection, one per chunk), cached in the
 * temp folder under a hash of the chunks' hashes: projecting 100k texts takes about a minute, and
 * the result depends on nothing else.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchChunk } from './search-corpus.js';
import { DIMS, Projector } from './search-vectors.js';

/** Vectors by chunk text. */
export function benchVectors(chunks: BenchChunk[]): Map<string, Float32Array> {
  const key = createHash('sha256').update(`${DIMS}-tfidf-v1`);
  for (const c of chunks) key.update(c.hash);
  const file = join(tmpdir(), `delve-bench-write-vectors-${key.digest('hex').slice(0, 16)}.f32`);
  let flat: Float32Array;
  if (existsSync(file)) {
    const buf = readFileSync(file);
    flat = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  } else {
    const projector = new Projector(chunks.map((c) => c.text));
    flat = new Float32Array(chunks.length * DIMS);
    chunks.forEach((c, i) => flat.set(projector.embed(c.text), i * DIMS));
    writeFileSync(`${file}.tmp`, flat);
    renameSync(`${file}.tmp`, file);
  }
  if (flat.length !== chunks.length * DIMS) throw new Error(`${file} holds ${flat.length / DIMS} vectors, not ${chunks.length}: delete it`);
  return new Map(chunks.map((c, i) => [c.text, flat.subarray(i * DIMS, (i + 1) * DIMS)]));
}
