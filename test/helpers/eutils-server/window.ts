/** Rate checks on recorded request times. */

/** The most times inside any span shorter than `windowMs` (times sorted ascending). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

/** The smallest t[i+n] − t[i]: at most n requests per window holds when this is ≥ the window. */
export function minSpan(times: readonly number[], n: number): number {
  let min = Infinity;
  for (let i = 0; i + n < times.length; i++) min = Math.min(min, times[i + n]! - times[i]!);
  return min;
}
