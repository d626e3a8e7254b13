/**
 * Finds an evidence quote in a sequence of text pieces (pdf.js text-layer spans, Markdown text
 * nodes, or one page of plain text) and says which characters of which pieces to highlight.
 * Matching ignores case, punctuation, spacing and line breaks (a word hyphenated across a line
 * end counts as one word); when the whole quote is not there (it runs onto the next page, or the
 * page's text differs a little) the longest prefix of at least a few words is used. Pure.
 */

export interface QuoteHit {
  /** Index of the piece. */
  piece: number;
  /** Character range inside that piece, end exclusive. */
  start: number;
  end: number;
}

/** The fewest words a partial (prefix) match may have. */
const MIN_PREFIX_WORDS = 4;

interface Folded {
  text: string;
  /** For each character of text: [piece, offset in the piece]. */
  from: [number, number][];
}

const isWordChar = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);

/** Lower-cased words separated by single spaces, with a map back to the pieces. */
function fold(pieces: readonly string[]): Folded {
  const out: string[] = [];
  const from: [number, number][] = [];
  let pendingSpace = false;
  /** The last piece ended with a hyphenated word part: the next word continues it. */
  let joining = false;
  pieces.forEach((raw, p) => {
    if (joining && raw.trim() === '') return;
    const next = pieces.slice(p + 1).find((t) => t.trim() !== '') ?? '';
    const hyphenated = /[\p{L}][-\u00ad\u2010]\s*$/u.test(raw) && /^\s*\p{Ll}/u.test(next);
    const body = hyphenated ? raw.replace(/[-\u00ad\u2010]\s*$/u, '') : raw;
    for (let i = 0; i < body.length; i++) {
      const ch = body[i] as string;
      if (ch === '\u00ad') continue;
      const norm = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      for (const c of norm) {
        if (isWordChar(c)) {
          if (pendingSpace && out.length > 0) {
            out.push(' ');
            from.push([p, i]);
          }
          pendingSpace = false;
          joining = false;
          out.push(c);
          from.push([p, i]);
        } else if (!joining) {
          pendingSpace = true;
        }
      }
    }
    if (hyphenated) joining = true;
    else pendingSpace = true;
  });
  return { text: out.join(''), from };
}

/** The quote as folded words. */
export function quoteWords(quote: string): string[] {
  const f = fold([quote]).text;
  return f === '' ? [] : f.split(' ');
}

/** Ranges of the pieces that hold `quote` (first occurrence), or [] when it is not found. */
export function findQuote(pieces: readonly string[], quote: string): QuoteHit[] {
  const words = quoteWords(quote);
  if (words.length === 0) return [];
  const folded = fold(pieces);
  const minWords = Math.min(words.length, MIN_PREFIX_WORDS);
  for (let n = words.length; n >= minWords; n--) {
    const needle = words.slice(0, n).join(' ');
    const at = findWordAligned(folded.text, needle);
    if (at >= 0) return toHits(folded, at, at + needle.length);
  }
  return [];
}

/** First index of needle in hay that starts and ends on word boundaries. */
function findWordAligned(hay: string, needle: string): number {
  let at = hay.indexOf(needle);
  while (at >= 0) {
    const before = at === 0 || hay[at - 1] === ' ';
    const after = at + needle.length === hay.length || hay[at + needle.length] === ' ';
    if (before && after) return at;
    at = hay.indexOf(needle, at + 1);
  }
  return -1;
}

function toHits(folded: Folded, start: number, end: number): QuoteHit[] {
  const hits: QuoteHit[] = [];
  for (let k = start; k < end; k++) {
    if (folded.text[k] === ' ') continue;
    const [piece, offset] = folded.from[k] as [number, number];
    const last = hits[hits.length - 1];
    if (last && last.piece === piece) last.end = offset + 1;
    else hits.push({ piece, start: offset, end: offset + 1 });
  }
  return hits;
}

/** The distinct pieces touched by a match (for whole-span highlighting). */
export function hitPieces(hits: readonly QuoteHit[]): number[] {
  return [...new Set(hits.map((h) => h.piece))];
}
