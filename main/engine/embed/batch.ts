/**
 * Batching: texts sorted by token count (less padding), cut into batches, padded on the model's
 * side, as int64 tensors for onnxruntime. The sort order is kept so results go back in input order.
 * A batch holds at most `batchSize` rows and at most `maxTokens` padded tokens (rows × its longest
 * row): onnxruntime's activations, and its arena that keeps their high-water mark, grow with that
 * product, so short texts go 32 to a run and 512-token ones a few at a time.
 */
export interface PaddedBatch {
  /** Indices (into the caller's list) of the texts in this batch, in row order. */
  rows: number[];
  seq: number;
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  /** The mask as numbers, for pooling. */
  mask: Uint8Array;
}

/** Padded tokens per run on the CPU provider; GPU providers get DEFAULT_GPU_BATCH_TOKENS. */
export const DEFAULT_BATCH_TOKENS = 4096;
export const DEFAULT_GPU_BATCH_TOKENS = 16384;

/** Where each batch ends in `order` (ascending lengths): a row joins while the budget holds; a batch has at least one row. */
function cuts(lengths: number[], batchSize: number, maxTokens: number): number[] {
  const ends: number[] = [];
  let start = 0;
  for (let i = 0; i < lengths.length; i++) {
    const rows = i - start + 1;
    if (rows > 1 && (rows > batchSize || rows * Math.max(1, lengths[i]!) > maxTokens)) {
      ends.push(i);
      start = i;
    }
  }
  if (lengths.length > 0) ends.push(lengths.length);
  return ends;
}

export function makeBatches(encoded: number[][], batchSize: number, padId: number, side: 'left' | 'right',
  maxTokens = Number.POSITIVE_INFINITY): PaddedBatch[] {
  const order = encoded.map((_, i) => i).sort((a, b) => encoded[a]!.length - encoded[b]!.length || a - b);
  const out: PaddedBatch[] = [];
  let s = 0;
  for (const end of cuts(order.map((r) => encoded[r]!.length), batchSize, maxTokens)) {
    const rows = order.slice(s, end);
    s = end;
    const seq = Math.max(1, ...rows.map((r) => encoded[r]!.length));
    const n = rows.length * seq;
    const inputIds = new BigInt64Array(n).fill(BigInt(padId));
    const attentionMask = new BigInt64Array(n);
    const mask = new Uint8Array(n);
    rows.forEach((r, b) => {
      const ids = encoded[r]!;
      const start = b * seq + (side === 'left' ? seq - ids.length : 0);
      for (let t = 0; t < ids.length; t++) {
        inputIds[start + t] = BigInt(ids[t]!);
        attentionMask[start + t] = 1n;
        mask[start + t] = 1;
      }
    });
    out.push({ rows, seq, inputIds, attentionMask, mask });
  }
  return out;
}

/** Position of each real token among the real tokens of its row (0, 1, …); padding gets 0. */
export function positionIds(mask: Uint8Array, batch: number, seq: number): BigInt64Array {
  const out = new BigInt64Array(batch * seq);
  for (let b = 0; b < batch; b++) {
    let p = 0n;
    for (let t = 0; t < seq; t++) if (mask[b * seq + t]) out[b * seq + t] = p++;
  }
  return out;
}
