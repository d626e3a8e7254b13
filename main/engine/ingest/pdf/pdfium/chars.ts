/**
 * A pdfium text page → fragments in a reading frame, grouped by orientation (the same shape
 * items.ts makes of pdf.js text items, so the same layout code reads both).
 *
 * Characters are grouped into runs: same text object font, size and direction, same baseline, no
 * backward jump and no gap wider than a word space could be. Sizes come from the character's
 * font size times its text matrix scale (pdfium reports the Tf size alone); the baseline from the
 * character origin; the horizontal extent from the loose (advance-wide) character boxes.
 */
import type { Frag } from '../model.js';
import type { Pdfium } from './module.js';

/** Same constants as items.ts: glyph box relative to the baseline, in font sizes. */
const ASCENT = 0.75;
const DESCENT = 0.25;
/** A run is cut at a horizontal gap wider than this many font sizes. */
const RUN_GAP = 0.8;
/** ...or at a baseline shift larger than this many font sizes (super/subscripts). */
const BASELINE_SHIFT = 0.15;

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
/** Latin ligatures (ﬁ, ﬂ...): expanded, as pdf.js and pdftotext do. */
const LIGATURE = /[\uFB00-\uFB06]/gu;

interface ObjInfo {
  size: number;
  angle: number;
  cos: number;
  sin: number;
  font: string;
}

interface Run {
  str: string;
  x0: number;
  x1: number;
  y: number;
  obj: ObjInfo;
  /** Right-to-left run: characters come in logical order, moving leftwards. */
  rtl: boolean;
}

/** Fragments grouped by orientation, largest group first. */
export function pageFragments(p: Pdfium, tp: number): Frag[][] {
  const { x, scratch } = p;
  const count = p.m.FPDFText_CountChars(tp);
  const groups = new Map<number, { frags: Frag[]; chars: number }>();
  const objs = new Map<number, ObjInfo>();
  const f64 = scratch >> 3;
  const f32 = scratch >> 2;
  let order = 0;
  const st: { run: Run | null } = { run: null };

  const flush = (): void => {
    const r = st.run;
    if (!r) return;
    st.run = null;
    const str = r.str.replace(LIGATURE, (c) => c.normalize('NFKC'));
    if (!str.trim()) return;
    const { size, angle } = r.obj;
    const frag: Frag = {
      str,
      x0: r.x0,
      x1: r.x1,
      y: r.y,
      top: r.y - ASCENT * size,
      bottom: r.y + DESCENT * size,
      size,
      font: r.obj.font,
      rtl: RTL_CHAR.test(str),
      order: order++,
    };
    let g = groups.get(angle);
    if (!g) groups.set(angle, (g = { frags: [], chars: 0 }));
    g.frags.push(frag);
    g.chars += str.length;
  };

  const objInfo = (obj: number, i: number): ObjInfo => {
    let info = objs.get(obj);
    if (info) return info;
    const fs = x.FPDFText_GetFontSize(tp, i);
    x.FPDFText_GetMatrix(tp, i, scratch);
    const m = p.heapF32().subarray(f32, f32 + 4);
    const [a = 1, b = 0, c = 0, d = 1] = m;
    const scale = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    let angle = Math.round((Math.atan2(b, a) * 180) / Math.PI);
    const snapped = Math.round(angle / 90) * 90;
    if (Math.abs(angle - snapped) <= 3) angle = snapped;
    angle = ((angle % 360) + 360) % 360;
    const rad = (angle * Math.PI) / 180;
    info = { size: (fs > 0 ? fs : 1) * scale, angle, cos: Math.cos(rad), sin: Math.sin(rad), font: fontName(p, tp, i) };
    objs.set(obj, info);
    return info;
  };

  for (let i = 0; i < count; i++) {
    const u = x.FPDFText_GetUnicode(tp, i);
    if (u === 32 || u === 0xa0 || u === 9) {
      if (st.run) st.run.str += ' ';
      continue;
    }
    if (u < 32 || u === 0xfffe || u === 0xffff) {
      // Line ends (\r\n) pdfium generates, other controls: the run ends there.
      if (u === 2 && st.run) st.run.str += '-'; // a hyphen pdfium marked as a soft line-end hyphen
      flush();
      continue;
    }
    const obj = x.FPDFText_GetTextObject(tp, i);
    const info = objInfo(obj, i);
    x.FPDFText_GetCharOrigin(tp, i, scratch, scratch + 8);
    const heap = p.heapF64();
    const ox = heap[f64]!;
    const oy = heap[f64 + 1]!;
    // The loose box spans the glyph's advance (origin to next origin), as pdf.js item widths do.
    x.FPDFText_GetLooseCharBox(tp, i, scratch);
    const h32 = p.heapF32();
    const l = h32[f32]!;
    const t = h32[f32 + 1]!;
    const r = h32[f32 + 2]!;
    const b = h32[f32 + 3]!;
    const { cos, sin, size } = info;
    // Reading frame: x along the text direction, y along "down".
    const y = ox * sin - oy * cos;
    const ax = l * cos + b * sin;
    const bx = r * cos + t * sin;
    const o = ox * cos + oy * sin;
    let cx0 = Math.min(ax, bx);
    let cx1 = Math.max(ax, bx);
    if (!(cx1 > cx0)) { cx0 = o; cx1 = o; }
    const ch = u > 0xffff ? (u <= 0x10ffff ? String.fromCodePoint(u) : '\ufffd') : String.fromCharCode(u);
    const cur = st.run;
    if (cur) {
      const same = cur.obj === info || (cur.obj.font === info.font && cur.obj.angle === info.angle
        && Math.abs(cur.obj.size - size) <= 0.01 * size);
      const rtl = cur.rtl && RTL_CHAR.test(ch);
      const gap = rtl ? cur.x0 - cx1 : cx0 - cur.x1;
      const back = rtl ? cx0 > cur.x1 + 0.5 * size : cx1 < cur.x0 - 0.5 * size;
      if (!same || Math.abs(y - cur.y) > BASELINE_SHIFT * size || gap > RUN_GAP * size || back
        || gap < -Math.max(cur.x1 - cur.x0, size)) {
        flush();
      }
    }
    const rr = st.run;
    if (rr) {
      rr.str += ch;
      rr.x0 = Math.min(rr.x0, cx0);
      rr.x1 = Math.max(rr.x1, cx1);
    } else {
      st.run = { str: ch, x0: cx0, x1: cx1, y, obj: info, rtl: RTL_CHAR.test(ch) };
    }
  }
  flush();
  return [...groups.values()].sort((a, b) => b.chars - a.chars).map((g) => g.frags);
}

/** The character's font name (base font), '' when pdfium has none. */
function fontName(p: Pdfium, tp: number, i: number): string {
  const flags = p.scratch + 64;
  const len = p.x.FPDFText_GetFontInfo(tp, i, 0, 0, flags);
  if (len <= 0) return '';
  const buf = p.x.malloc(len + 1);
  try {
    p.x.FPDFText_GetFontInfo(tp, i, buf, len, flags);
    const heap = p.heapU8();
    let end = buf;
    while (end < buf + len && heap[end] !== 0) end++;
    return Buffer.from(heap.subarray(buf, end)).toString('utf8');
  } finally {
    p.x.free(buf);
  }
}
