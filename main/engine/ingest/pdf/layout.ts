/**
 * Reading order by recursive XY-cut over segments.
 *
 * A region is cut vertically at the widest gutter (a vertical strip no segment crosses) when both
 * sides hold real text; otherwise it is cut into horizontal bands at every vertical gap, and runs
 * of consecutive bands that share a gutter are kept together so that a two-column body is never
 * sliced into stacked two-column strips (which would interleave the columns). Full-width blocks
 * (title, abstract, wide figures) end up as their own bands, in page order; two-column runs are
 * cut into left then right (right then left for right-to-left text).
 */
import { bandRuns, horizontalBands } from './bands.js';
import { buildRows, joinFrags, orderRow, SPLIT_GAP } from './lines.js';
import { median, type Col, type Line, type Seg } from './model.js';

/** A side of a gutter must hold this share of the region's characters... */
const MIN_SIDE_CHARS = 0.1;
/** ...and a segment at least this share of the region's width (bullets, line numbers do not). */
const MIN_SIDE_WIDTH = 0.15;
const MAX_DEPTH = 64;

/** Segments of one orientation group → lines in reading order. */
export function readingOrder(segs: Seg[], group = 0): Line[] {
  const out: Line[] = [];
  if (segs.length === 0) return out;
  cut(segs, extent(segs), group, out, 0);
  return out;
}

function cut(segs: Seg[], col: Col, group: number, out: Line[], depth: number): void {
  if (segs.length > 1 && depth < MAX_DEPTH) {
    const split = splitAtGutter(segs);
    if (split) {
      const rtl = isRtlRegion(segs);
      const parts = rtl ? [split.right, split.left] : [split.left, split.right];
      for (const part of parts) cut(part, extent(part), group, out, depth + 1);
      return;
    }
    const bands = horizontalBands(segs);
    if (bands.length > 1) {
      for (const run of bandRuns(bands, col)) {
        const merged = run.flat();
        // A run that turns out to have no real gutter is read band by band.
        if (run.length === 1 || splitAtGutter(merged)) cut(merged, col, group, out, depth + 1);
        else for (const band of run) cut(band, col, group, out, depth + 1);
      }
      return;
    }
  }
  emitLeaf(segs, col, group, out);
}

/** Left and right parts at the widest valid gutter, or null. */
function splitAtGutter(segs: Seg[]): { left: Seg[]; right: Seg[] } | null {
  const size = median(segs.map((s) => s.size));
  const minGutter = SPLIT_GAP * size * 0.9;
  const byX = [...segs].sort((a, b) => a.x0 - b.x0);
  const { x0, x1 } = extent(segs);
  const width = x1 - x0;
  let totalChars = 0;
  for (const s of segs) totalChars += s.chars;
  const gaps: { at: number; width: number; index: number }[] = [];
  let reach = byX[0]!.x1;
  for (let i = 1; i < byX.length; i++) {
    const s = byX[i]!;
    if (s.x0 - reach >= minGutter) gaps.push({ at: (s.x0 + reach) / 2, width: s.x0 - reach, index: i });
    reach = Math.max(reach, s.x1);
  }
  gaps.sort((a, b) => b.width - a.width);
  for (const g of gaps) {
    const left = byX.slice(0, g.index);
    const right = byX.slice(g.index);
    if (substantial(left, totalChars, width) && substantial(right, totalChars, width)) return { left, right };
  }
  return null;
}

/**
 * A side of a gutter must hold real text: a fair share of the characters, a wide segment, and more
 * than one line (a gap inside a single line of author names is no column gutter).
 */
function substantial(side: Seg[], totalChars: number, regionWidth: number): boolean {
  let chars = 0;
  let widest = 0;
  let top = Infinity;
  let bottom = -Infinity;
  let multiline = false;
  for (const s of side) {
    chars += s.chars;
    widest = Math.max(widest, s.x1 - s.x0);
    if (!multiline && (s.top >= bottom || s.bottom <= top) && bottom > top) multiline = true;
    top = Math.min(top, s.top);
    bottom = Math.max(bottom, s.bottom);
  }
  return multiline && chars >= MIN_SIDE_CHARS * totalChars && widest >= MIN_SIDE_WIDTH * regionWidth;
}

/** A region with no cut left: rows top to bottom, segments along each row. */
function emitLeaf(segs: Seg[], col: Col, group: number, out: Line[]): void {
  for (const row of buildRows(segs)) {
    const rtl = isRtlRegion(row);
    const ordered = [...row].sort((a, b) => (rtl ? b.x1 - a.x1 : a.x0 - b.x0));
    let core = ordered[0]!;
    let chars = 0;
    let x0 = Infinity;
    let x1 = -Infinity;
    const parts: string[] = [];
    for (const s of ordered) {
      if (s.size > core.size * 1.05 || (s.chars > core.chars && Math.abs(s.size - core.size) <= core.size * 0.05)) core = s;
      chars += s.chars;
      x0 = Math.min(x0, s.x0);
      x1 = Math.max(x1, s.x1);
      const text = joinFrags(orderRow(s.frags));
      if (text) parts.push(text);
    }
    const text = parts.join(' ');
    if (!text) continue;
    out.push({
      text, x0, x1, top: core.top, bottom: core.bottom, y: core.y, size: core.size, font: core.font,
      rtl, chars, colX0: Math.min(col.x0, x0), colX1: Math.max(col.x1, x1), group,
    });
  }
}

function isRtlRegion(segs: Seg[]): boolean {
  let rtl = 0;
  let all = 0;
  for (const s of segs) {
    all += s.chars;
    if (s.rtl) rtl += s.chars;
  }
  return rtl * 2 > all;
}

function extent(segs: Seg[]): Col {
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const s of segs) {
    x0 = Math.min(x0, s.x0);
    x1 = Math.max(x1, s.x1);
  }
  return { x0, x1 };
}
