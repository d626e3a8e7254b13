/**
 * Front matter: the title, author, affiliation and publication-header block at the start of a PDF
 * ("Kyle Lo† Lucy Lu Wang† … Allen Institute for AI … {kylel, lucyw}@allenai.org"). It matches a
 * query through the title words but shows the reader no passage, so grouped search shows the
 * paper's best other passage instead (search/group.ts) and marks the block as front matter.
 *
 * A chunk is front matter when it opens a PDF (its first page, one of its first three chunks) and
 * at least half of its characters lie in paragraphs that look like front matter: e-mail addresses,
 * affiliations, publication headers (doi, volume, received/accepted, copyright, correspondence), or
 * lists of names (mostly capitalised words, few of the small words prose is made of).
 */

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+|\}@[\w-]+\.[\w.-]+/;
const AFFILIATION = /\b(universit|institut|department|dept\.|school of|faculty|college|hospital|laborator|centre|center for|division of|research group|inc\.|corporation)/i;
const HEADER = /^(research article|original article|review article|open access|received|accepted|published|correspondence|academic editor|copyright|©|keywords|doi|issn|volume|vol\.|article id|citation:)|\bdoi[:.]\s*10\.|\bissn\b|\bvolume \d|\barticle id\b|©|creative commons|open access|https?:\/\//i;
const SMALL = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'an', 'is', 'are', 'was', 'were', 'with', 'for', 'that', 'on', 'by', 'as', 'we', 'this',
  'be', 'from', 'or', 'at', 'it', 'which', 'these', 'their', 'has', 'have', 'not', 'but', 'can', 'our']);

/** Share of a paragraph's words that are the small words of prose. */
function smallWordShare(words: string[]): number {
  if (words.length === 0) return 0;
  return words.filter((w) => SMALL.has(w.toLowerCase())).length / words.length;
}

/** Whether one paragraph reads as front matter rather than prose. */
export function frontMatterParagraph(p: string): boolean {
  const text = p.trim();
  if (text === '') return false;
  const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')).filter(Boolean);
  const prose = smallWordShare(words);
  if (EMAIL.test(text)) return true;
  if (HEADER.test(text) && (prose < 0.2 || /copyright|©|creative commons|licen[cs]e/i.test(text))) return true;
  // Affiliations: institution words in a comma-separated list rather than sentences.
  const commas = (text.match(/,/g) ?? []).length / Math.max(1, words.length);
  if (AFFILIATION.test(text) && (prose < 0.15 || (commas >= 0.08 && prose < 0.3))) return true;
  // A list of names, or a title: mostly capitalised words and hardly any small words.
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length / Math.max(1, words.length);
  return words.length >= 2 && words.length <= 80 && capitalised >= 0.6 && prose <= (words.length <= 25 ? 0.2 : 0.12);
}

export interface ChunkPlace {
  kind: string;
  ordinal: number;
  firstPage: number | null;
}

/** Whether a chunk is its PDF's front matter (see the file comment). */
export function isFrontMatter(text: string, at: ChunkPlace): boolean {
  if (at.kind !== 'pdf' || at.ordinal > 2 || (at.firstPage !== null && at.firstPage > 1)) return false;
  const paragraphs = text.split(/\n\s*\n/).filter((p) => /\p{L}/u.test(p)); // rules of dots are not counted
  const total = paragraphs.reduce((n, p) => n + p.trim().length, 0);
  if (total === 0) return false;
  const front = paragraphs.filter(frontMatterParagraph).reduce((n, p) => n + p.trim().length, 0);
  return front / total >= 0.5;
}
