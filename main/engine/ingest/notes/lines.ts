/**
 * Line-level Markdown recognisers for blocks.ts, and heading titles as plain text. Every pattern
 * is anchored at the line start, and whole-line patterns only run on short lines, so none of them
 * can take more than linear time on a multi-megabyte line.
 */

/** Heading titles are capped so a pathological one-line "# …" note cannot bloat every chunk's path. */
export const MAX_TITLE = 200;
/** Whole-line patterns (fence closers, breaks, underlines, table delimiters) are short lines. */
export const SHORT_LINE = 1000;

export interface Fence { char: string; length: number }

export function nextLine(text: string, from: number): string {
  if (from >= text.length) return '';
  const nl = text.indexOf('\n', from);
  const end = nl === -1 ? text.length : nl;
  return end - from < SHORT_LINE ? text.slice(from, end) : '';
}

export function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

export function indentOf(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 32) n++;
    else if (ch === 9) n += 4;
    else break;
  }
  return n;
}

export function opensFence(line: string): Fence | null {
  const m = /^[ \t]*(`{3,}|~{3,})/.exec(line);
  if (!m) return null;
  const run = m[1]!;
  if (run[0] === '`' && line.indexOf('`', m[0].length) !== -1) return null; // ```inline``` code, not a fence
  return { char: run[0]!, length: run.length };
}

export function closesFence(line: string, fence: Fence): boolean {
  if (line.length >= SHORT_LINE) return false;
  const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!m && m[1]![0] === fence.char && m[1]!.length >= fence.length;
}

export function isListItem(line: string): boolean {
  return /^[ \t]{0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(line);
}

export function isQuote(line: string): boolean {
  return /^ {0,3}>/.test(line);
}

export function isThematic(line: string): boolean {
  return line.length < SHORT_LINE && /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line);
}

/** A line that may continue a list item or quote lazily: plain text, not the start of another block. */
export function isLazy(line: string): boolean {
  return !opensFence(line) && !/^ {0,3}(?:#{1,6}(?:[ \t]|$)|>)/.test(line) && !isThematic(line) && !isListItem(line);
}

export function isTableDelimiter(line: string): boolean {
  return line.includes('-') && /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(line) && (line.includes('|'));
}

export function atxTitle(rest: string): string {
  const t = rest.length > MAX_TITLE * 4 ? rest.slice(0, MAX_TITLE * 4) : rest;
  return plainTitle(t.replace(/(?:^|[ \t]+)#+[ \t]*$/, ''));
}

/**
 * A heading's title as plain text for heading paths: links reduced to their text (wikilink alias or
 * target), `code`, **strong**, __strong__, ~~strike~~ and ==highlight== marks dropped, whitespace
 * collapsed, capped at MAX_TITLE characters.
 */
export function plainTitle(raw: string): string {
  const t = raw
    .replace(/!?\[\[([^[\]|\n]{0,500})(?:\|([^[\]\n]{0,500}))?\]\]/g, (_m, target: string, alias?: string) => alias ?? target)
    .replace(/!?\[([^[\]\n]{0,500})\]\([^()\n]{0,2000}\)/g, '$1')
    .replace(/\*\*|__|~~|==|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length > MAX_TITLE ? `${t.slice(0, MAX_TITLE - 1)}…` : t;
}
