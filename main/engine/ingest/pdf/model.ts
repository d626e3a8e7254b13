/**
 * Geometry shared by the layout stages. All coordinates are in a "reading frame": x grows along
 * the text direction, y grows downwards (top of the page first), units are PDF points.
 */

/** One non-blank pdf.js text item. */
export interface Frag {
  str: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  top: number;
  bottom: number;
  /** Font size (glyph height scale). */
  size: number;
  font: string;
  rtl: boolean;
  /** Index in pdf.js' item order (content-stream order). */
  order: number;
}

/** Geometry and typography shared by segments and lines. */
export interface TextBox {
  x0: number;
  x1: number;
  /** Vertical extent and baseline of the largest fragment (super/subscripts excluded). */
  top: number;
  bottom: number;
  y: number;
  size: number;
  /** Font carrying most characters. */
  font: string;
  rtl: boolean;
  /** Characters, spaces excluded. */
  chars: number;
}

/** Horizontally contiguous fragments of one visual line: the atom the XY-cut moves around. */
export interface Seg extends TextBox {
  frags: Frag[];
}

/** A visual line in reading order, with the column it was found in. */
export interface Line extends TextBox {
  text: string;
  /** Horizontal extent of the column (innermost region after a vertical cut). */
  colX0: number;
  colX1: number;
  /** Lines of a different text orientation than the page's main one start a new group. */
  group: number;
}

/** Horizontal extent of a column or region. */
export interface Col {
  x0: number;
  x1: number;
}

export interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** Share of the smaller height that two vertical extents have in common (0 when apart). */
export function vOverlap(a: Box, b: Box): number {
  const inter = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  if (inter <= 0) return 0;
  const h = Math.min(a.bottom - a.top, b.bottom - b.top);
  return h > 0 ? inter / h : 0;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
