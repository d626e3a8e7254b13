/**
 * Fragments → rows (same visual line: vertical extents overlap, so superscripts stay with their
 * line) → segments (a row cut wherever the horizontal gap is wider than a word space could be, so
 * that two columns sharing a baseline come apart). Also the text of a run of fragments: a space
 * goes in only where there is a horizontal gap.
 */
import { vOverlap, type Box, type Frag, type Seg } from './model.js';

/** Gap (in font sizes) above which a row is cut into separate segments. */
export const SPLIT_GAP = 1.0;
/** Gap (in font sizes) above which two fragments are separated by a space. */
const SPACE_GAP = 0.12;
/** Minimum share of the smaller height two boxes must share to be on one row. */
const SAME_ROW = 0.5;

/** Groups items into rows: top to bottom; fragments in row order (see orderRow). */
export function buildRows<T extends Box & { size: number }>(items: T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const rows: (Box & { size: number; items: T[] })[] = [];
  for (const it of sorted) {
    let best: (typeof rows)[number] | null = null;
    let bestScore = SAME_ROW;
    // Only the last few rows can still overlap an item this far down the sorted order.
    for (let i = rows.length - 1; i >= 0 && i >= rows.length - 6; i--) {
      const score = vOverlap(rows[i]!, it);
      if (score >= bestScore) { best = rows[i]!; bestScore = score; }
    }
    if (!best) {
      rows.push({ x0: it.x0, x1: it.x1, top: it.top, bottom: it.bottom, size: it.size, items: [it] });
      continue;
    }
    best.items.push(it);
    best.x0 = Math.min(best.x0, it.x0);
    best.x1 = Math.max(best.x1, it.x1);
    // The row keeps the extent of its largest glyphs: a superscript does not widen it.
    if (it.size > best.size * 1.05) {
      best.top = it.top; best.bottom = it.bottom; best.size = it.size;
    }
  }
  return rows.map((r) => r.items);
}

/** True when a row reads right to left: most of its characters are in RTL runs. */
export function isRtl(frags: Frag[]): boolean {
  let rtl = 0;
  let ltr = 0;
  for (const f of frags) {
    if (f.rtl) rtl += f.str.length; else ltr += f.str.length;
  }
  return rtl > ltr;
}

/**
 * Left-to-right rows are read by x. Right-to-left rows keep pdf.js' item order, which is already
 * logical order (pdf.js runs the bidi algorithm per item and emits runs in reading order).
 */
export function orderRow(frags: Frag[]): Frag[] {
  return isRtl(frags)
    ? [...frags].sort((a, b) => a.order - b.order)
    : [...frags].sort((a, b) => a.x0 - b.x0 || a.order - b.order);
}

/** Horizontal distance between two fragments read one after the other (negative: overlap). */
function gapBetween(prev: Box, next: Box): number {
  return Math.max(next.x0 - prev.x1, prev.x0 - next.x1);
}

/** Cuts each row at wide gaps; returns all segments of the region. */
export function buildSegments(frags: Frag[]): Seg[] {
  const segs: Seg[] = [];
  for (const row of buildRows(frags)) {
    const ordered = orderRow(row);
    let run: Frag[] = [];
    let span: Box | null = null;
    for (const f of ordered) {
      if (span && gapBetween(span, f) > SPLIT_GAP * Math.max(f.size, run[run.length - 1]!.size)) {
        segs.push(makeSeg(run));
        run = [];
        span = null;
      }
      run.push(f);
      span = span ? { x0: Math.min(span.x0, f.x0), x1: Math.max(span.x1, f.x1), top: 0, bottom: 0 } : f;
    }
    if (run.length) segs.push(makeSeg(run));
  }
  return segs;
}

export function makeSeg(frags: Frag[]): Seg {
  let core = frags[0]!;
  let x0 = Infinity;
  let x1 = -Infinity;
  const fontChars = new Map<string, number>();
  let chars = 0;
  for (const f of frags) {
    if (f.size > core.size * 1.05) core = f;
    x0 = Math.min(x0, f.x0);
    x1 = Math.max(x1, f.x1);
    const n = f.str.replace(/\s+/g, '').length;
    chars += n;
    fontChars.set(f.font, (fontChars.get(f.font) ?? 0) + n);
  }
  let font = core.font;
  let most = -1;
  for (const [k, n] of fontChars) if (n > most) { most = n; font = k; }
  return {
    frags, x0, x1, top: core.top, bottom: core.bottom, y: core.y, size: core.size, font,
    rtl: isRtl(frags), chars,
  };
}

/** Text of fragments already in reading order: a space only where the glyphs leave a gap. */
export function joinFrags(frags: Frag[]): string {
  let out = '';
  let prev: Frag | null = null;
  for (const f of frags) {
    if (prev) {
      const gap = gapBetween(prev, f);
      const spaced = /\s$/.test(out) || /^\s/.test(f.str);
      if (!spaced && gap > SPACE_GAP * Math.min(prev.size, f.size)) out += ' ';
    }
    out += f.str;
    prev = f;
  }
  return composeAccents(out.replace(/\s+/g, ' ').trim());
}

/** Spacing accents TeX-style fonts draw over the next glyph, as combining marks. */
const COMBINING: Record<string, string> = {
  '\u00A8': '\u0308', '\u00B4': '\u0301', '`': '\u0300', '\u02C6': '\u0302', '\u02DC': '\u0303',
  '\u00B8': '\u0327', '\u02C7': '\u030C', '\u02D8': '\u0306', '\u02DA': '\u030A', '\u00AF': '\u0304',
  '\u02D9': '\u0307', '\u02DB': '\u0328', '\u02DD': '\u030B',
};
const SPACING_ACCENT = /([\u00A8\u00B4`\u02C6\u02DC\u00B8\u02C7\u02D8\u02DA\u00AF\u02D9\u02DB\u02DD])([A-Za-z\u0131])/gu;

/** "F¨arber" → "Färber", "ˇReh˚uˇrek" → "Řehůřek" (an accent glyph followed by its base letter). */
export function composeAccents(text: string): string {
  if (!SPACING_ACCENT.test(text)) return text;
  SPACING_ACCENT.lastIndex = 0;
  return text
    .replace(SPACING_ACCENT, (_m, accent: string, base: string) => (base === '\u0131' ? 'i' : base) + COMBINING[accent]!)
    .normalize('NFC');
}
