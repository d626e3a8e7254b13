/**
 * Find in a document, as pure text work: where a search's terms occur in a text (case-insensitive,
 * a term starting at a word start, any run of spaces between a phrase's words), how many on each
 * page, which page holds the N-th match, and which terms a search-box query stands for.
 */

export interface PageText { page: number; text: string }
/** The N-th match overall is the `nth` (0-based) match on `page`. */
export interface MatchPlace { page: number; nth: number }

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression for any of the terms; null when there is nothing to look for. */
export function termPattern(terms: readonly string[]): RegExp | null {
  const parts = terms
    .map((t) => t.trim().split(/\s+/).filter(Boolean).map(escape).join('\\s*'))
    .filter((p) => p !== '')
    .sort((a, b) => b.length - a.length);
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})`, 'giu');
}

/** The [start, end) offsets of every match in `text`, in order, never overlapping. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const re = termPattern(terms);
  if (!re) return [];
  const out: [number, number][] = [];
  for (const m of text.matchAll(re)) if (m[0].length > 0) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Matches per page, pages without any left out. */
export function countByPage(pages: readonly PageText[], terms: readonly string[]): { page: number; count: number }[] {
  return pages.map((p) => ({ page: p.page, count: matchRanges(p.text, terms).length })).filter((c) => c.count > 0);
}

/** Where the `index`-th (0-based) match is, given the counts per page; null when out of range. */
export function placeOf(counts: readonly { page: number; count: number }[], index: number): MatchPlace | null {
  if (index < 0) return null;
  let left = index;
  for (const c of counts) {
    if (left < c.count) return { page: c.page, nth: left };
    left -= c.count;
  }
  return null;
}

/** The next index, wrapping around, `dir` steps away (1 next, -1 previous); -1 when there is nothing. */
export function step(index: number, total: number, dir: 1 | -1): number {
  if (total <= 0) return -1;
  if (index < 0) return dir > 0 ? 0 : total - 1;
  return (index + dir + total) % total;
}

const STOP = new Set(['the', 'and', 'for', 'with', 'from', 'that', 'this', 'are', 'was', 'were', 'has', 'have', 'not', 'but', 'into', 'its', 'what', 'how', 'does', 'which', 'who', 'why', 'when', 'their', 'there', 'these', 'those', 'can', 'than', 'then', 'about', 'between', 'over', 'under', 'our', 'your', 'all', 'any']);

/**
 * The words of a search-box query worth finding in the document: quoted phrases whole, other words
 * of three letters or more but common ones, no operators (`-word`, NOT, OR, `author:`…). A plural
 * "s" is dropped so "programmes" finds "programme" too (the keyword search stems the same way).
 */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  let rest = query.replace(/"([^"]+)"/g, (_, phrase: string) => { terms.push(phrase.trim()); return ' '; });
  rest = rest.replace(/(^|\s)[\p{L}_]+:("[^"]*"|\S+)/gu, ' ').replace(/(^|\s)-\S+/g, ' ').replace(/\bNOT\s+\S+/g, ' ');
  for (const raw of rest.split(/[^\p{L}\p{N}'-]+/u)) {
    const w = raw.replace(/^['-]+|['-]+$/g, '');
    if (w.length < 3 || w === 'OR' || w === 'AND' || STOP.has(w.toLowerCase())) continue;
    terms.push(w.length > 4 && /[^s]s$/i.test(w) ? w.slice(0, -1) : w);
  }
  return [...new Set(terms.map((t) => t.toLowerCase()))].filter((t) => t !== '');
}
