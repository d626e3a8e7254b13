/**
 * Author names: the strings the library holds ("Müller AL" from PubMed, "Anna Müller" from a PDF or
 * Zotero, "Müller, Anna" from a .bib) read into family and given names, and written back as
 * "Family, Given". A name with no recognisable shape stays whole (an organisation).
 */
import type { BibName } from './entry.js';

/** "Müller AL" → Müller/AL; "Anna Lena Müller" → Müller/Anna Lena; "Müller, Anna" → Müller/Anna; else literal. */
export function parseName(name: string, opts: { collective?: boolean } = {}): BibName {
  const n = name.trim().replace(/\s+/g, ' ');
  if (opts.collective) return { literal: n };
  const comma = n.indexOf(',');
  if (comma > 0) {
    const family = n.slice(0, comma).trim();
    const given = n.slice(comma + 1).trim();
    return /,/.test(given) ? { literal: n } : { family, given };
  }
  const words = n.split(' ');
  const tail = words[words.length - 1] ?? '';
  if (words.length >= 2 && /^\p{Lu}{1,3}$/u.test(tail)) return { family: words.slice(0, -1).join(' '), given: tail };
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w))) return { family: tail, given: words.slice(0, -1).join(' ') };
  return { literal: n };
}

/** "Family, Given", or the family name alone, or the literal name. */
export function nameText(n: BibName): string {
  if ('literal' in n) return n.literal;
  return n.given ? `${n.family}, ${n.given}` : n.family;
}
