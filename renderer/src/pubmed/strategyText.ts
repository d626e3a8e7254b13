/**
 * Where each translated line sits in the pasted text, so that it can be edited in place: its first
 * physical line (0-based) and how many physical lines it spans, found in order (a line's source is
 * its physical line(s) trimmed). `replaceLines` puts an edited line back.
 */
export interface LineSpan { start: number; count: number }

export function locateLines(text: string, sources: readonly string[]): (LineSpan | null)[] {
  const physical = text.split('\n');
  let from = 0;
  return sources.map((source) => {
    const parts = source.split('\n');
    for (let i = from; i + parts.length <= physical.length; i++) {
      if (parts.every((p, k) => (physical[i + k] ?? '').trim() === p.trim())) {
        from = i + parts.length;
        return { start: i, count: parts.length };
      }
    }
    return null;
  });
}

export function linesAt(text: string, s: LineSpan): string {
  return text.split('\n').slice(s.start, s.start + s.count).join('\n');
}

export function replaceLines(text: string, s: LineSpan, value: string): string {
  const physical = text.split('\n');
  physical.splice(s.start, s.count, ...value.split('\n'));
  return physical.join('\n');
}
