/**
 * pdf.js text items → fragments in a reading frame. Blank and zero-size items are dropped; items
 * are grouped by text orientation (upright, rotated 90°, ...), the orientation carrying most
 * characters first, each group in its own frame so the same layout code reads all of them.
 */
import type { PDFPageProxy } from 'pdfjs-dist';
import type { Frag } from './model.js';

export type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;
export type TextItem = Extract<TextContent['items'][number], { str: string }>;

/** Glyph box relative to the baseline, in font sizes (pdf.js' per-font ascents are unreliable). */
const ASCENT = 0.75;
const DESCENT = 0.25;

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** Fragments grouped by orientation, largest group first. */
export function toFragments(content: TextContent): Frag[][] {
  const groups = new Map<number, { frags: Frag[]; chars: number }>();
  content.items.forEach((raw, order) => {
    if (!('str' in raw)) return;
    const item = raw as TextItem;
    const str = item.str;
    if (!str || !str.trim()) return;
    const t = item.transform as number[];
    const [a, b, c, d, e, f] = [t[0] ?? 0, t[1] ?? 0, t[2] ?? 0, t[3] ?? 0, t[4] ?? 0, t[5] ?? 0];
    const size = Math.hypot(c, d) || Math.abs(item.height) || Math.hypot(a, b);
    if (!(size > 0) || !Number.isFinite(e) || !Number.isFinite(f)) return;
    // Direction of the text run; snapped to a right angle when within ~3°.
    let angle = Math.round((Math.atan2(b, a) * 180) / Math.PI);
    const snapped = Math.round(angle / 90) * 90;
    if (Math.abs(angle - snapped) <= 3) angle = snapped;
    angle = ((angle % 360) + 360) % 360;
    const rad = (angle * Math.PI) / 180;
    const cos = Math.cos(rad);
    const sin = Math.sin(rad);
    // Reading frame: x along the text direction, y along "down" (opposite of the glyphs' up).
    const x = e * cos + f * sin;
    const y = e * sin - f * cos;
    const width = Math.abs(item.width) || 0;
    const rtl = item.dir === 'rtl' || (item.dir !== 'ltr' && RTL_CHAR.test(str));
    const frag: Frag = {
      str,
      x0: x,
      x1: x + width,
      y,
      top: y - ASCENT * size,
      bottom: y + DESCENT * size,
      size,
      font: item.fontName,
      rtl,
      order,
    };
    let g = groups.get(angle);
    if (!g) groups.set(angle, (g = { frags: [], chars: 0 }));
    g.frags.push(frag);
    g.chars += str.length;
  });
  return [...groups.values()].sort((p, q) => q.chars - p.chars).map((g) => g.frags);
}
