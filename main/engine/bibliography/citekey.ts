/**
 * Citation keys, one rule for every export, modelled on Better BibTeX's default citation key
 * format `auth.lower + shorttitle(3,3) + year` (older syntax `[auth:lower][shorttitle3_3][year]`,
 * with BBT's "force citation key to plain text" on, its default):
 *
 *  - auth.lower: the first author's family name (an organisation: its first word that is not a
 *    skip word), lower case;
 *  - shorttitle(3,3): the first three words of the title that are not skip words (articles,
 *    prepositions, conjunctions in English, German, French, Italian and Spanish, as BBT skips),
 *    each capitalised;
 *  - year: four digits, or nothing.
 *
 * Everything is folded to ASCII (fold.ts: NFKD, so "ﬁ" and "fi" give one key) and only letters and
 * digits are kept. "Müller 2019, The effect of β-blockers on heart failure" → "mullerEffectBlockersHeart2019".
 * An entry with neither author nor title uses its fallback key ("pmid123"). Within one export a key
 * is never used twice: the second one gets "a", the next "b", … "z", "aa" (BBT's default postfix).
 * A key the entry already has (an imported .bib entry's) is kept when it is free and plain.
 */
import type { BibEntry } from './entry.js';
import { foldAscii } from './fold.js';

const SKIP = new Set(`a ab aboard about above across after against al along amid among an and anti around as at before behind below
 beneath beside besides between beyond but by d da das de del dell dello dei degli della delle dem den der des despite die do down du
 during ein eine einem einen einer eines el en et except for from gli i il in inside into is l la las le les like lo los near nor of off
 on onto or over past per plus round save since so some sur than the through to toward towards un una unas unos under underneath une
 unlike until up upon versus via von vs with within without yet zu zum`.split(/\s+/).filter(Boolean));

const words = (s: string): string[] => foldAscii(s.replace(/['’]/g, '')).split(/[^A-Za-z0-9]+/).filter(Boolean);
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

function auth(e: BibEntry): string {
  const first = e.authors[0];
  if (!first) return '';
  if ('literal' in first) return (words(first.literal).find((w) => !SKIP.has(w.toLowerCase())) ?? '').toLowerCase();
  return words(first.family).join('').toLowerCase();
}

function shortTitle(title: string | null): string {
  return words(title ?? '').filter((w) => !SKIP.has(w.toLowerCase())).slice(0, 3).map(cap).join('');
}

/** The key before it is made unique. */
export function baseKey(e: BibEntry): string {
  const a = auth(e);
  const t = shortTitle(e.title);
  if (!a && !t) return foldAscii(e.fallbackKey ?? '').replace(/[^A-Za-z0-9]/g, '') || 'ref';
  return `${a}${t}${e.year ?? ''}`;
}

/** a, b, … z, aa, ab, … */
export function keySuffix(i: number): string {
  return (i >= 26 ? keySuffix(Math.floor(i / 26) - 1) : '') + String.fromCharCode(97 + (i % 26));
}

/** A given key is kept when it has only characters every BibTeX/biber/pandoc reader takes. */
const PLAIN_KEY = /^[A-Za-z0-9][A-Za-z0-9_:.+-]*$/;

/** Unique keys for the entries, in order. */
export function citationKeys(entries: readonly BibEntry[]): string[] {
  const used = new Set<string>();
  const given = entries.map((e) => (e.key && PLAIN_KEY.test(e.key) ? e.key : null));
  // Keys the source gave are claimed first, so a generated key never takes one of them.
  const claimed = new Set<string>();
  const keepGiven = given.map((k) => (k !== null && !claimed.has(k) ? (claimed.add(k), true) : false));
  return entries.map((e, i) => {
    if (keepGiven[i]) { used.add(given[i]!); return given[i]!; }
    const base = baseKey(e);
    let key = base;
    for (let n = 0; used.has(key) || claimed.has(key); n++) key = base + keySuffix(n);
    used.add(key);
    return key;
  });
}
