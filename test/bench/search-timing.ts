/**
 * Latency sampling for the search benchmark. Every query runs through every contender in turn
 * (interleaved, after a warm-up), so background load on a shared machine hits them all alike and
 * the ratios between them stay meaningful even when absolute times drift.
 */

export interface Contender<Q> {
  name: string;
  run(q: Q): unknown;
}

export interface Latency {
  name: string;
  samples: number;
  p50: number;
  p95: number;
  mean: number;
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function measure<Q>(contenders: Contender<Q>[], queries: Q[], rounds: number, warmup: number): Promise<Latency[]> {
  for (const q of queries.slice(0, warmup)) for (const c of contenders) await c.run(q);
  const times = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      for (const [i, c] of contenders.entries()) {
        const t0 = performance.now();
        await c.run(q);
        times[i]!.push(performance.now() - t0);
      }
    }
  }
  return contenders.map((c, i) => {
    const xs = times[i]!;
    return { name: c.name, samples: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), mean: xs.reduce((a, b) => a + b, 0) / xs.length };
  });
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
