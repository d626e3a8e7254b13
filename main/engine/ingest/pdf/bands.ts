/**
 * Horizontal bands for the XY-cut: a region cut at every blank horizontal strip, and runs of
 * consecutive bands that share a free vertical strip (a gutter) put back together, so a two-column
 * stretch is cut vertically as a whole instead of being sliced into interleaving rows.
 */
import { SPLIT_GAP } from './lines.js';
import { median, type Col, type Seg } from './model.js';

/** Blank space across a region, in font sizes, that ends a run of bands. */
const BAND_BREAK = 2;

/** Segments split wherever a horizontal strip of whitespace crosses the whole region. */
export function horizontalBands(segs: Seg[]): Seg[][] {
  const byTop = [...segs].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const bands: Seg[][] = [];
  let current: Seg[] = [];
  let reach = -Infinity;
  for (const s of byTop) {
    if (current.length && s.top >= reach - 0.05 * s.size) {
      bands.push(current);
      current = [];
    }
    current.push(s);
    reach = Math.max(reach, s.bottom);
  }
  if (current.length) bands.push(current);
  return bands;
}

/**
 * Consecutive bands that leave a common vertical strip free (within the region's width) form a
 * run: a stretch of columns whose rows happen to be separated, or a heading beside a column. A
 * wide blank strip across the whole region also ends a run: columns rarely pause at the same
 * height, while tables and figures spanning the page are set off by space.
 */
export function bandRuns(bands: Seg[][], col: Col): Seg[][][] {
  const size = median(bands.flat().map((s) => s.size));
  const minGutter = SPLIT_GAP * size * 0.9;
  const runs: Seg[][][] = [];
  let run: Seg[][] = [];
  let free: [number, number][] = [];
  let bottom = -Infinity;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const band of bands) {
    const bandFree = freeStrips(band, col, minGutter);
    const both = run.length ? intersect(free, bandFree, minGutter) : bandFree;
    let top = Infinity;
    let bx0 = Infinity;
    let bx1 = -Infinity;
    for (const s of band) {
      top = Math.min(top, s.top);
      bx0 = Math.min(bx0, s.x0);
      bx1 = Math.max(bx1, s.x1);
    }
    const apart = top - bottom > BAND_BREAK * size;
    // Margins are free strips too: only a strip with text on both sides counts.
    const lo = Math.min(x0, bx0);
    const hi = Math.max(x1, bx1);
    const interior = both.some(([a, b]) => a >= lo && b <= hi);
    if (run.length && (!interior || apart)) {
      runs.push(run);
      run = [band];
      free = bandFree;
      x0 = bx0;
      x1 = bx1;
    } else {
      run.push(band);
      free = both;
      x0 = lo;
      x1 = hi;
    }
    for (const s of band) bottom = Math.max(bottom, s.bottom);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Vertical strips of the region no segment of the band touches, at least `min` wide. */
function freeStrips(band: Seg[], col: Col, min: number): [number, number][] {
  const byX = [...band].sort((a, b) => a.x0 - b.x0);
  const out: [number, number][] = [];
  let reach = col.x0;
  for (const s of byX) {
    if (s.x0 - reach >= min) out.push([reach, s.x0]);
    reach = Math.max(reach, s.x1);
  }
  if (col.x1 - reach >= min) out.push([reach, col.x1]);
  return out;
}

function intersect(a: [number, number][], b: [number, number][], min: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      const lo = Math.max(a0, b0);
      const hi = Math.min(a1, b1);
      if (hi - lo >= min) out.push([lo, hi]);
    }
  }
  return out;
}
