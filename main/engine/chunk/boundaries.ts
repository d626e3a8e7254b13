/**
 * Character-level helpers for the chunker: whitespace, CJK, word starts, surrogate-safe cuts and the
 * content-defined anchor test. All work on char codes of a slice of the text, never on copies.
 */

export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Kana, CJK ideographs and Hangul: scripts where a word may start without a preceding space. */
export function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)
    || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
}

/** Sentence terminators that end a sentence only before whitespace: . ! ? */
export function isLatinTerminator(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** Closing quotes and brackets that may follow a terminator inside the same sentence. */
export function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 0x2019 || c === 0x201d || c === 0xbb
    || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x3011;
}

/** CJK commas and semicolons: acceptable break points when a sentence has no whitespace. */
export function isCjkPause(c: number): boolean {
  return c === 0x3001 || c === 0xff0c || c === 0xff1b || c === 0xff1a;
}

/** Moves a cut position back by one when it would separate a surrogate pair. */
export function safeCut(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  return c >= 0xdc00 && c <= 0xdfff && pos > 0 ? pos - 1 : pos;
}

/**
 * The first word start in [lo, hi): a non-space character that follows whitespace (or is a CJK
 * character, or sits at `floor`, the start of the text that may be repeated). -1 when there is none.
 */
export function firstWordStart(text: string, lo: number, hi: number, floor: number): number {
  for (let p = lo; p < hi; p++) {
    const c = text.charCodeAt(p);
    if (isSpace(c)) continue;
    if (p === floor || isSpace(text.charCodeAt(p - 1)) || isCjk(c)) {
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      return p;
    }
  }
  return -1;
}

/**
 * A boundary's score for content-defined cuts (plan.ts): a 31-bit hash of the (up to) 16
 * characters before `end`. It depends on nothing but that text, never on where chunks began.
 */
export function boundaryScore(text: string, end: number): number {
  let h = 0x811c9dc5;
  for (let p = Math.max(0, end - 16); p < end; p++) {
    h ^= text.charCodeAt(p);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 1;
}
