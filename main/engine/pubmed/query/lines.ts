/** The non-empty lines of a multi-line search strategy, with their offsets in the whole text. */

export interface Line {
  /** 0-based position among the non-empty lines. */
  index: number;
  /** The line without its leading and trailing whitespace. */
  text: string;
  /** Offset of text[0] in the whole input; `end` is exclusive. */
  offset: number;
  end: number;
}

export function splitLines(input: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === '') continue;
    const offset = m.index + lead;
    lines.push({ index: lines.length, text, offset, end: offset + text.length });
  }
  return lines;
}

/** Expands an Ovid-style set list `1-3,7,9-10` into labels; null if it is not one. */
export function expandSetList(list: string): string[] | null {
  const out: string[] = [];
  for (const part of list.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || b - a > 10000) return null;
    for (let n = a; n <= b; n++) out.push(String(n));
  }
  return out;
}
