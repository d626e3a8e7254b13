/**
 * Where a section's chunks end, given its units (blocks or pieces of long blocks, in order).
 *
 * Edits should change only nearby chunks, so cut points are content-defined rather than found by
 * filling chunks from the top (where one inserted sentence would shift every later chunk):
 *  1. Every boundary between two units gets a score: a hash of the 16 characters before it.
 *  2. A boundary is a cut when its score beats every other boundary within `window` characters on
 *     either side (the section's start and end count as unbeatable). That decision only looks at
 *     text within `window` of the boundary, so an edit moves cuts only within that distance of it.
 *     Cuts are at least `window` apart, which keeps chunks from getting small.
 *  3. A stretch between two cuts longer than `budget` is split into the fewest pieces that fit, at
 *     the best-scoring boundaries that keep pieces between half the budget and the budget.
 * Linear: the window maxima come from monotonic deques; splitting scans each boundary at most twice.
 */
import { boundaryScore } from './boundaries.js';

export interface Units {
  starts: number[];
  ends: number[];
}

/** Index of the last unit of each chunk, in order; the last entry is always units.length - 1. */
export function planChunks(text: string, units: Units, budget: number, window: number): number[] {
  const { starts, ends } = units;
  const m = starts.length;
  if (m === 0) return [];
  const score = new Int32Array(Math.max(0, m - 1));
  for (let i = 0; i < m - 1; i++) score[i] = boundaryScore(text, ends[i]!);
  const out: number[] = [];
  let first = 0;
  for (const last of [...contentCuts(units, score, window), m - 1]) {
    split(starts, ends, score, first, last, budget, out);
    first = last + 1;
  }
  return out;
}

/** Boundaries (index of the unit before them) whose score is a strict maximum within ±window. */
function contentCuts({ starts, ends }: Units, score: Int32Array, window: number): number[] {
  const n = ends.length - 1; // boundary i sits between unit i and unit i + 1, at ends[i]
  if (n <= 0) return [];
  const sectionStart = starts[0]!;
  const sectionEnd = ends[n]!;
  const beatsLeft = new Uint8Array(n);
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    const pos = ends[i]!;
    while (head < tail && ends[deque[head]!]! < pos - window) head++;
    beatsLeft[i] = pos - sectionStart > window && (head === tail || score[deque[head]!]! < score[i]!) ? 1 : 0;
    while (head < tail && score[deque[tail - 1]!]! <= score[i]!) tail--;
    deque[tail++] = i;
  }
  const cuts: number[] = [];
  head = 0;
  tail = 0;
  for (let i = n - 1; i >= 0; i--) {
    const pos = ends[i]!;
    while (head < tail && ends[deque[head]!]! > pos + window) head++;
    const beatsRight = sectionEnd - pos > window && (head === tail || score[deque[head]!]! < score[i]!);
    if (beatsRight && beatsLeft[i]) cuts.push(i);
    while (head < tail && score[deque[tail - 1]!]! <= score[i]!) tail--;
    deque[tail++] = i;
  }
  return cuts.reverse();
}

/**
 * Splits units first..last into the fewest pieces of at most `budget` characters (a unit never
 * exceeds it), each at least about half the budget. Each cut, from left to right, is the
 * best-scoring boundary among those that keep the rest splittable under those bounds, so it too
 * is content-defined: an edit in one piece rarely moves the cuts of the others.
 */
function split(starts: number[], ends: number[], score: Int32Array, first: number, last: number, budget: number, out: number[]): void {
  let a = first;
  while (a <= last) {
    const s = starts[a]!;
    const e = ends[last]!;
    if (e - s <= budget) break;
    const rest = Math.ceil((e - s) / budget) - 1; // pieces still needed after this one
    const hardLo = e - rest * budget;
    const lo = Math.max(s + budget / 2, hardLo);
    const hi = Math.min(s + budget, e - (rest * budget) / 2);
    let best = -1;
    let near = -1; // when no boundary lies in [lo, hi]: the one closest to it that still fits
    let fit = a;
    for (let b = a; b < last && ends[b]! <= s + budget; b++) {
      const pos = ends[b]!;
      fit = b;
      if (pos >= lo && pos <= hi) {
        if (best === -1 || score[b]! >= score[best]!) best = b;
      } else if (pos >= hardLo && (near === -1 || distance(pos, lo, hi) < distance(ends[near]!, lo, hi))) {
        near = b;
      }
    }
    best = best !== -1 ? best : near !== -1 ? near : fit;
    out.push(best);
    a = best + 1;
  }
  if (a <= last) out.push(last);
}

function distance(pos: number, lo: number, hi: number): number {
  return pos < lo ? lo - pos : pos - hi;
}
