/**
 * Static embedding models (model2vec's ONNX export: potion-base-8M, potion-retrieval-32M): each token
 * has one fixed vector and a text's vector is the mean of its tokens' vectors (torch EmbeddingBag,
 * mode "mean", in the graph), then L2-normalised. No attention, no padding: a batch is every text's
 * ids concatenated (`input_ids`) with where each text starts (`offsets`), so a library is embedded
 * hundreds of times faster than with a transformer: a fast first tier that the transformer model can
 * fill in behind.
 */
import * as ort from 'onnxruntime-node';
import { EngineError } from '../errors.js';

/** Texts per run, up to `maxTokens` ids in all (a batch has at least one text). */
export function staticBatches(encoded: number[][], batchSize: number, maxTokens: number): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  let tokens = 0;
  encoded.forEach((ids, i) => {
    if (cur.length > 0 && (cur.length >= batchSize || tokens + ids.length > maxTokens)) { out.push(cur); cur = []; tokens = 0; }
    cur.push(i);
    tokens += ids.length;
  });
  if (cur.length > 0) out.push(cur);
  return out;
}

/** The feeds for texts `rows` of `encoded`: concatenated ids and each text's start. */
export function staticFeeds(encoded: number[][], rows: number[]): { inputIds: BigInt64Array; offsets: BigInt64Array } {
  const total = rows.reduce((n, r) => n + encoded[r]!.length, 0);
  const inputIds = new BigInt64Array(total);
  const offsets = new BigInt64Array(rows.length);
  let at = 0;
  rows.forEach((r, b) => {
    offsets[b] = BigInt(at);
    for (const id of encoded[r]!) inputIds[at++] = BigInt(id);
  });
  return { inputIds, offsets };
}

/** Runs one batch; writes each text's vector (normalised when asked) at its row's place in `out`. */
export async function runStaticBatch(session: ort.InferenceSession, output: string, encoded: number[][], rows: number[],
  dims: number, normalize: boolean, out: Float32Array): Promise<void> {
  const { inputIds, offsets } = staticFeeds(encoded, rows);
  const result = await session.run({
    input_ids: new ort.Tensor('int64', inputIds, [inputIds.length]),
    offsets: new ort.Tensor('int64', offsets, [offsets.length]),
  }, [output]);
  const t = result[output]!;
  if (t.dims.length !== 2 || t.dims[0] !== rows.length || t.dims[1] !== dims) {
    throw new EngineError('MODEL_INVALID', `output "${output}" has shape [${t.dims.join(', ')}], expected [${rows.length}, ${dims}]`);
  }
  const data = t.data as Float32Array;
  rows.forEach((r, b) => {
    const v = data.subarray(b * dims, (b + 1) * dims);
    let scale = 1;
    if (normalize) {
      let sq = 0;
      for (let d = 0; d < dims; d++) sq += v[d]! * v[d]!;
      scale = sq > 0 ? 1 / Math.sqrt(sq) : 1;
    }
    for (let d = 0; d < dims; d++) out[r * dims + d] = v[d]! * scale;
  });
  t.dispose();
}
