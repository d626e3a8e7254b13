/**
 * The k largest scores of a stream (a min-heap of size k), used by the in-memory scans: the sign scan
 * of bit codes (search/dense/bit-codes.ts) and the exact float scan (search/dense/scan-range.ts).
 */
/** Whether (sa, ia) ranks after (sb, ib): a lower score, or the same score and a larger id. */
function worse(sa: number, ia: number, sb: number, ib: number): boolean {
  return sa < sb || (sa === sb && ia > ib);
}

/**
 * The k largest scores seen (a min-heap of size k whose root is the worst kept); ties keep the
 * smaller id, whatever order the ids are offered in.
 */
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
        if (!worse(score, id, this.scores[parent]!, this.ids[parent]!)) break;
        this.scores[i] = this.scores[parent]!;
        this.ids[i] = this.ids[parent]!;
        i = parent;
      }
      this.scores[i] = score;
      this.ids[i] = id;
    } else if (worse(this.scores[0]!, this.ids[0]!, score, id)) {
      this.siftDown(score, id);
    }
  }

  private siftDown(score: number, id: number): void {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const c = l + 1 < this.size && worse(this.scores[l + 1]!, this.ids[l + 1]!, this.scores[l]!, this.ids[l]!) ? l + 1 : l;
      if (!worse(this.scores[c]!, this.ids[c]!, score, id)) break;
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
