/**
 * The k largest scores of a stream (a min-heap of size k), used by the in-memory scans: the sign scan
 * of bit codes (search/bit-codes.ts) and the exact float scan (search/scan-range.ts).
 */
/** The k largest scores seen (a min-heap of size k); ties keep the earlier index. */
export class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  private size = 0;
  constructor(private readonly k: number) {
    this.scores = new Float64Array(k);
    this.ids = new Int32Array(k);
  }

  offer(score: number, id: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.scores[parent]! <= score) break;
        this.scores[i] = this.scores[parent]!;
        this.ids[i] = this.ids[parent]!;
        i = parent;
      }
      this.scores[i] = score;
      this.ids[i] = id;
    } else if (score > this.scores[0]!) {
      this.siftDown(score, id);
    }
  }

  private siftDown(score: number, id: number): void {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const c = l + 1 < this.size && this.scores[l + 1]! < this.scores[l]! ? l + 1 : l;
      if (this.scores[c]! >= score) break;
      this.scores[i] = this.scores[c]!;
      this.ids[i] = this.ids[c]!;
      i = c;
    }
    this.scores[i] = score;
    this.ids[i] = id;
  }

  drain(): number[] {
    return this.order().map((i) => this.ids[i]!);
  }

  /** Ids and scores, best first. */
  entries(): { ids: Int32Array; scores: Float64Array } {
    const order = this.order();
    return { ids: Int32Array.from(order, (i) => this.ids[i]!), scores: Float64Array.from(order, (i) => this.scores[i]!) };
  }

  private order(): number[] {
    return Array.from({ length: this.size }, (_, i) => i)
      .sort((a, b) => this.scores[b]! - this.scores[a]! || this.ids[a]! - this.ids[b]!);
  }
}
