/**
 * Splitting a block longer than the chunk size into units of at most `max` characters: at sentence
 * ends (. ! ? before whitespace, closing quotes allowed; CJK 。！？ anywhere), then, for a sentence
 * that is still too long, at the last line break or else the last whitespace (or CJK comma) in the
 * second half of the window, else a hard cut that never separates a surrogate pair.
 *
 * One forward pass over the block plus bounded backward searches (each at most max/2 characters,
 * and every unit advances at least max/2), so the work is linear in the block's length and no
 * string is copied: units are reported as [start, end) offsets into the text.
 */
import { isCjkPause, isCloser, isLatinTerminator, isSpace, safeCut } from './boundaries.js';

/** Sentence terminators: . ! ? (which need whitespace after them) and CJK 。！？｡ (which do not). */
const TERMINATOR = /[.!?\u3002\uff01\uff1f\uff61]/g;

export type EmitUnit = (start: number, end: number) => void;

export function splitLongBlock(text: string, start: number, end: number, max: number, emit: EmitUnit): void {
  const block = text.slice(start, end); // V8 shares the parent's characters: no copy
  let s = skipSpace(text, start, end);
  TERMINATOR.lastIndex = s - start;
  for (let m = TERMINATOR.exec(block); m !== null; m = TERMINATOR.exec(block)) {
    const at = start + m.index;
    let j = at + 1;
    while (j < end && isCloser(text.charCodeAt(j))) j++;
    if (isLatinTerminator(text.charCodeAt(at)) && j < end && !isSpace(text.charCodeAt(j))) continue;
    splitSentence(text, s, j, max, emit);
    s = skipSpace(text, j, end);
    TERMINATOR.lastIndex = s - start;
  }
  if (s < end) splitSentence(text, s, trimEnd(text, s, end), max, emit);
}

function splitSentence(text: string, start: number, end: number, max: number, emit: EmitUnit): void {
  let s = start;
  while (end - s > max) {
    const cut = breakPoint(text, s, s + max);
    emit(s, trimEnd(text, s, cut));
    s = skipSpace(text, cut, end);
  }
  if (s < end) emit(s, end);
}

/** Where to cut a window [s, limit): the last line break, else whitespace or CJK pause, in its second half. */
function breakPoint(text: string, s: number, limit: number): number {
  const half = s + Math.floor((limit - s) / 2);
  for (let p = limit; p > half; p--) if (text.charCodeAt(p - 1) === 10) return p;
  for (let p = limit; p > half; p--) {
    const c = text.charCodeAt(p - 1);
    if (isSpace(c) || isCjkPause(c)) return p;
  }
  const hard = safeCut(text, limit);
  return hard > s ? hard : limit;
}

function skipSpace(text: string, from: number, end: number): number {
  let p = from;
  while (p < end && isSpace(text.charCodeAt(p))) p++;
  return p;
}

function trimEnd(text: string, start: number, end: number): number {
  let p = end;
  while (p > start && isSpace(text.charCodeAt(p - 1))) p--;
  return p;
}
