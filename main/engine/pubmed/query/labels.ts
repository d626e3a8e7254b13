/**
 * How the lines of a PubMed-syntax strategy are labelled, as found in published strategies (the
 * CLEF TAR 2017 review CD007431 uses most of these forms):
 *
 *   `#1 term`, `1. term`, `1) term`, `A. 1a and 2b` — a label before the line;
 *   `1a` alone on a line — labels the next line;
 *   `1 Index test: …` — a numbered heading whose label passes to the next line (a bare number with
 *   no punctuation only counts as a label when it continues the numbering, so `5 year survival[tiab]`
 *   on the first line stays a query);
 *   `Final search: A or B` — a named label.
 *
 * A body that starts with an operator (`1 or 2`, `17 and 34`) is never a label.
 */
import type { Line } from './lines.js';

export interface LabelledLine {
  line: Line;
  /** The line's own label, or null. */
  label: string | null;
  /** The label came from a `Name:` prefix. */
  named: boolean;
  /** A line that is only a label (`1a`): it labels the next line. */
  bare: boolean;
  /** Where the body starts (absolute offset); the body ends at line.end. */
  from: number;
  /** The body has a `Name: …` prefix of its own (after a number): the sign of a heading. */
  namedInBody: boolean;
}

const BARE = /^#?\s*(\d+[a-z]?|[A-Z])\.?$/;
const PUNCT = /^(?:#\s*(\d+[a-z]?)\s*[.):]?|(\d+[a-z]?)[.):]|([A-Z])[.):])\s+/;
const PLAIN = /^(\d+)([a-z]?)\s+/;
const NAMED = /^([A-Za-z][A-Za-z ]{0,40}?):\s+/;
const STARTS_WITH_OP = /^(and|or|not)(\s|\(|$)|^(and|or)\//i;

export function labelLines(lines: readonly Line[]): LabelledLine[] {
  let lastNumber = 0;
  return lines.map((line) => {
    const t = line.text;
    const bare = BARE.exec(t);
    if (bare) {
      const label = bare[1] as string;
      if (/^\d+/.test(label)) lastNumber = parseInt(label, 10);
      return { line, label, named: false, bare: true, from: line.end, namedInBody: false };
    }
    let label: string | null = null;
    let cut = 0;
    const p = PUNCT.exec(t);
    const plain = PLAIN.exec(t);
    if (p && !STARTS_WITH_OP.test(t.slice(p[0].length))) {
      label = (p[1] ?? p[2] ?? p[3]) as string;
      cut = p[0].length;
    } else if (plain && Number(plain[1]) === lastNumber + 1 && !STARTS_WITH_OP.test(t.slice(plain[0].length))) {
      label = `${plain[1]}${plain[2]}`;
      cut = plain[0].length;
    }
    if (label !== null && /^\d+/.test(label)) lastNumber = parseInt(label, 10);
    const rest = t.slice(cut);
    const named = NAMED.exec(rest);
    if (label === null && named) {
      return { line, label: (named[1] as string).trim(), named: true, bare: false, from: line.offset + cut + named[0].length, namedInBody: false };
    }
    return { line, label, named: false, bare: false, from: line.offset + cut, namedInBody: named !== null };
  });
}
