/**
 * FTS5's snippet() marks matches with control characters \u0002…\u0003 (they cannot occur in indexed
 * text we produce). This turns them into a readable snippet with «…» marks plus exact mark offsets
 * into the unmarked text, so a UI can highlight without parsing or trusting the text.
 */
export interface MarkedSnippet {
  /** Excerpt with matched terms wrapped in «…», for terminals and logs. */
  snippet: string;
  /** The excerpt without marks. */
  snippetText: string;
  /** [start, end) offsets of matched terms in snippetText. */
  marks: [number, number][];
}

export function markSnippet(raw: string): MarkedSnippet {
  let plain = '';
  let marked = '';
  const marks: [number, number][] = [];
  let open = -1;
  for (const ch of raw) {
    if (ch === '\u0002') { open = plain.length; marked += '«'; continue; }
    if (ch === '\u0003') { if (open >= 0) marks.push([open, plain.length]); open = -1; marked += '»'; continue; }
    plain += ch;
    marked += ch;
  }
  return { snippet: marked, snippetText: plain, marks };
}
