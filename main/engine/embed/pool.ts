/**
 * From per-token states to one vector per text: mean over real tokens, the first real token (CLS) or
 * the last real token, then optional L2 normalisation. `mask` marks real tokens; with left padding
 * the real tokens are at the end of the row, with right padding at the start.
 */
export type Pooling = 'mean' | 'cls' | 'last-token';

/**
 * `states` is [batch, seq, dims] row-major, `mask` [batch, seq] (1 for real tokens). Writes each
 * text's vector into `out` at `outOffset + b * dims`.
 */
export function poolBatch(states: Float32Array, mask: ArrayLike<number>, batch: number, seq: number, dims: number,
  pooling: Pooling, normalize: boolean, out: Float32Array, outOffset = 0): void {
  const acc = new Float64Array(dims);
  for (let b = 0; b < batch; b++) {
    acc.fill(0);
    const rowMask = b * seq;
    if (pooling === 'mean') {
      let n = 0;
      for (let t = 0; t < seq; t++) {
        if (!mask[rowMask + t]) continue;
        n++;
        const base = (b * seq + t) * dims;
        for (let d = 0; d < dims; d++) acc[d]! += states[base + d]!;
      }
      if (n > 0) for (let d = 0; d < dims; d++) acc[d]! /= n;
    } else {
      let pick = -1;
      if (pooling === 'cls') { for (let t = 0; t < seq; t++) if (mask[rowMask + t]) { pick = t; break; } }
      else { for (let t = seq - 1; t >= 0; t--) if (mask[rowMask + t]) { pick = t; break; } }
      if (pick >= 0) {
        const base = (b * seq + pick) * dims;
        for (let d = 0; d < dims; d++) acc[d] = states[base + d]!;
      }
    }
    let scale = 1;
    if (normalize) {
      let sq = 0;
      for (let d = 0; d < dims; d++) sq += acc[d]! * acc[d]!;
      scale = sq > 0 ? 1 / Math.sqrt(sq) : 1;
    }
    const o = outOffset + b * dims;
    for (let d = 0; d < dims; d++) out[o + d] = acc[d]! * scale;
  }
}
