/**
 * A problem found in a strategy, located and explained: the 1-based line of the input it is on,
 * the 0-based offset into the whole input, a plain message, a suggested fix, and whether the line
 * could still be translated (`warning`) or not (`error`).
 */
export interface Diagnostic {
  line: number;
  offset: number;
  message: string;
  fix: string;
  severity: 'error' | 'warning';
}

/** How one element of a line was carried into the other syntax. */
export interface Note {
  /** The element as written in the source. */
  element: string;
  exactness: 'exact' | 'approximate' | 'dropped';
  /** What it became (empty when dropped). */
  becomes: string;
  reason?: string;
}

/** Collects diagnostics for one strategy; `line` is resolved from the offset. */
export class Sink {
  readonly items: Diagnostic[] = [];
  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    let n = 1;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) n++;
    return n;
  }

  error(offset: number, message: string, fix: string): void {
    this.items.push({ line: this.lineOf(offset), offset, message, fix, severity: 'error' });
  }

  warn(offset: number, message: string, fix: string): void {
    this.items.push({ line: this.lineOf(offset), offset, message, fix, severity: 'warning' });
  }
}
