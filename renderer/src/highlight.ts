/**
 * Splits a search snippet into plain and marked pieces, rendered as text (React escapes it) with
 * <mark> around matches: never as HTML. The engine gives both the mark offsets into snippetText
 * (preferred: a document's own «quotes» stay intact) and a snippet with matches wrapped in «…».
 */
export interface Piece {
  text: string;
  marked: boolean;
}

export function piecesFromOffsets(text: string, marks: readonly (readonly [number, number])[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    const s = Math.max(start, at);
    const e = Math.min(end, text.length);
    if (e <= s) continue;
    if (s > at) pieces.push({ text: text.slice(at, s), marked: false });
    pieces.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

export function piecesFromGuillemets(snippet: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of snippet.matchAll(/«([^«»]*)»/g)) {
    if (m.index > at) pieces.push({ text: snippet.slice(at, m.index), marked: false });
    if (m[1]) pieces.push({ text: m[1], marked: true });
    at = m.index + m[0].length;
  }
  if (at < snippet.length) pieces.push({ text: snippet.slice(at), marked: false });
  return pieces;
}
