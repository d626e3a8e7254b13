/**
 * Ordered lines → paragraphs. A new paragraph starts at a clearly larger vertical gap than the
 * page's usual line spacing for that font size, at an indented first line, after a short line that
 * ends a sentence, at a change of font size, at a bullet, and around headings. A paragraph may run
 * on from the foot of one column to the head of the next. Lines are joined with a single space;
 * a word hyphenated across a line end ("retriev-" + "al") is joined back.
 */
import { median, type Line } from './model.js';

export interface Paragraph {
  text: string;
  lines: Line[];
}

/** Gap over the usual line spacing that opens a paragraph. */
const GAP_FACTOR = 1.45;
const BULLET = /^[•●▪■◦‣∙·○□–—-]\s|^[•●▪■◦‣∙○□](?=\S)/u;
const HYPHEN_END = /[\p{L}][-\u00AD\u2010]$/u;
const LOWER_START = /^\p{Ll}/u;
const NO_SPACE_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF01-\uFF60]$/u;
const NO_SPACE_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF01-\uFF60]/u;
const SENTENCE_END = /[.!?:。]["'”’)]?$/u;

/** Usual baseline-to-baseline distance per font size (rounded to 0.5 pt) on this page. */
export function lineSpacing(lines: Line[]): (size: number) => number {
  const deltas = new Map<number, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const p = lines[i - 1]!;
    const l = lines[i]!;
    if (p.group !== l.group || p.colX0 !== l.colX0 || Math.abs(p.size - l.size) > 0.1 * p.size) continue;
    const d = l.y - p.y;
    if (d > 0.5 * p.size && d < 3 * p.size) {
      const key = Math.round(p.size * 2) / 2;
      let arr = deltas.get(key);
      if (!arr) deltas.set(key, (arr = []));
      arr.push(d);
    }
  }
  const med = new Map<number, number>();
  for (const [k, arr] of deltas) if (arr.length >= 2) med.set(k, median(arr));
  return (size) => med.get(Math.round(size * 2) / 2) ?? 1.2 * size;
}

/**
 * `isHeading[i]` marks lines that stand alone as a paragraph (headings found beforehand).
 */
export function toParagraphs(lines: Line[], isHeading: boolean[] = []): Paragraph[] {
  const spacing = lineSpacing(lines);
  const paras: Paragraph[] = [];
  let cur: Line[] = [];
  let text = '';
  const flush = (): void => {
    if (cur.length && text) paras.push({ text, lines: cur });
    cur = [];
    text = '';
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const p = cur[cur.length - 1];
    if (p && (isHeading[i] || isHeading[i - 1] || startsParagraph(p, l, spacing))) flush();
    text = cur.length ? joinLines(text, l.text) : l.text;
    cur.push(l);
  }
  flush();
  return paras;
}

function startsParagraph(p: Line, l: Line, spacing: (size: number) => number): boolean {
  if (p.group !== l.group) return true;
  const size = Math.max(p.size, l.size);
  if (Math.abs(p.size - l.size) > 0.15 * size) return true;
  if (BULLET.test(l.text)) return true;
  const sameCol = p.colX0 === l.colX0 && p.colX1 === l.colX1;
  const d = l.y - p.y;
  if (sameCol || d > 0) {
    if (d > GAP_FACTOR * spacing(p.size)) return true;
    if (sameCol && d < -0.5 * size) return true; // jumped back up inside one column
  }
  const w = l.colX1 - l.colX0;
  // The other signals need the previous line to end a sentence (hanging indents, as in
  // reference lists, indent the continuation lines of a sentence).
  if (!SENTENCE_END.test(p.text)) return false;
  // An indented first line (indentation measured from the reading start of the column).
  const indentL = l.rtl ? l.colX1 - l.x1 : l.x0 - l.colX0;
  const indentP = p.rtl ? p.colX1 - p.x1 : p.x0 - p.colX0;
  if (indentL > 0.8 * l.size && indentL < 0.25 * w && indentP < 0.5 * p.size) return true;
  // A short last line.
  const shortP = p.rtl ? p.x0 - p.colX0 > 0.15 * w : p.colX1 - p.x1 > 0.15 * w;
  return shortP && /^[\p{Lu}\p{Lo}\d"“(]/u.test(l.text);
}

/**
 * Appends a line to paragraph text, undoing end-of-line hyphenation: "retriev-" + "al" →
 * "retrieval". The hyphen stays when the continuation is itself a compound ("state-" +
 * "of-the-art"), since the break then most likely fell on a real hyphen.
 */
export function joinLines(text: string, next: string): string {
  if (HYPHEN_END.test(text) && LOWER_START.test(next)) {
    const word = /^\S*/u.exec(next)![0];
    const keep = text.endsWith('-') && /\p{L}-\p{L}/u.test(word);
    return (keep ? text : text.slice(0, -1)) + next;
  }
  // Chinese and Japanese do not separate words with spaces (Korean does, so it gets one).
  if (NO_SPACE_END.test(text) && NO_SPACE_START.test(next)) return text + next;
  return text + ' ' + next;
}
