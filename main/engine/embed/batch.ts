/**
 * Batching: texts sorted by token count (less padding), cut into batches, padded on the model's
 * side, as int64 tensors for onnxruntime. The sort order is kept so results go back in input order.
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

export function makeBatches(encoded: number[][], batchSize: number, padId: number, side: 'left' | 'right'): PaddedBatch[] {
  const order = encoded.map((_, i) => i).sort((a, b) => encoded[a]!.length - encoded[b]!.length || a - b);
  const out: PaddedBatch[] = [];
  for (let s = 0; s < order.length; s += batchSize) {
    const rows = order.slice(s, s + batchSize);
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
