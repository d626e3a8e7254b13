/**
 * Is a page's text layer garbage? Scanners' bad OCR layers, fonts without a usable ToUnicode map
 * (private-use code points, replacement characters, `(cid:12)`), symbol soup: text that is there
 * but reads as nothing, so the page is better OCR'd. Judged from the characters alone, from
 * principles that hold for the languages' writing systems, not from a word list:
 *
 * - **unusable characters**: private use (U+E000–U+F8FF, planes 15–16), U+FFFD, control characters
 *   and `(cid:N)` placeholders, as a share of the non-space characters;
 * - **letters**: real text is mostly letters and digits (at least 70 %; the born-digital PDFs here:
 *   81 % and more), symbol soup is not (random printable ASCII: 66 %);
 * - **word shape** (alphabetic scripts with vowel letters: Latin, Greek, Cyrillic): a word has a
 *   vowel, no run of 6 consonants, no case flipping inside it (`aBcDe`), at most 30 letters;
 *   vowels are 30–55 % of the letters (uniformly random letters: 23 %); over 25 % of words of odd
 *   shape is garbage (the born-digital PDFs here: at most 7 %);
 * - **token length**: in scripts that separate words by spaces, text in tokens of over 40
 *   characters is words run together, or noise.
 *
 * Runs of one symbol (dot leaders, rules) count as one character. Pages with under MIN_CHARS
 * non-space characters are not judged (figure pages, titles).
 */

export interface GarbageVerdict {
  garbage: boolean;
  /** Why, when garbage: the first test that failed. */
  reason: string | null;
  /** The measures, for tests and tuning. */
  stats: GarbageStats;
}

export interface GarbageStats {
  chars: number;
  unusable: number;
  letters: number;
  /** Share of word tokens (alphabetic scripts) of implausible shape. */
  oddWords: number;
  words: number;
  vowels: number;
  longTokens: number;
}

export const MIN_CHARS = 80;
const MAX_UNUSABLE = 0.1;
const MIN_LETTERS = 0.7;
const MAX_ODD_WORDS = 0.25;
const MIN_WORDS = 12;
const VOWELS = [0.3, 0.55] as const;
const MAX_LONG_TOKENS = 0.5;
const LONG_TOKEN = 40;

const UNUSABLE = /[\uE000-\uF8FF\uFFFD\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]|[\u{F0000}-\u{10FFFF}]/u;
const CID = /\(cid:\d+\)/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ALPHABETIC = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
/** Vowel letters of Latin, Greek and Cyrillic (base letters; accents are stripped first). */
const VOWEL = /[aeiouyæøœαεηιουωаеёиоуыэюяіїєѣ]/u;
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;

export function judgeTextLayer(text: string): GarbageVerdict {
  // Leaders and rules ("......", "____") are layout, not noise: one character each.
  const body = text.replace(CID, '\uFFFD').replace(/([^\p{L}\p{N}\s\p{Co}\p{Cc}\uFFFD])\1{2,}/gu, '$1');
  let chars = 0;
  let unusable = 0;
  let letters = 0;
  let alphabetic = 0;
  let noSpaces = 0;
  for (const c of body) {
    const code = c.charCodeAt(0);
    if (code < 0x7f && code > 0x20) {
      // ASCII, the bulk of most pages, without the regular expressions.
      chars++;
      const lower = code | 0x20;
      if ((lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
        letters++;
        if (lower >= 0x61) alphabetic++;
      }
      continue;
    }
    if (/\s/u.test(c)) continue;
    chars++;
    if (UNUSABLE.test(c)) unusable++;
    else if (LETTER_OR_DIGIT.test(c)) {
      letters++;
      if (ALPHABETIC.test(c)) alphabetic++;
      else if (NO_SPACES.test(c)) noSpaces++;
    }
  }
  const stats: GarbageStats = { chars, unusable: 0, letters: 0, oddWords: 0, words: 0, vowels: 0, longTokens: 0 };
  if (chars < MIN_CHARS) return { garbage: false, reason: null, stats };
  stats.unusable = unusable / chars;
  stats.letters = letters / chars;
  const tokens = body.split(/\s+/u).filter(Boolean);
  if (noSpaces < chars * 0.2) {
    stats.longTokens = tokens.filter((t) => [...t].length > LONG_TOKEN).reduce((n, t) => n + [...t].length, 0) / chars;
  }
  if (alphabetic >= letters * 0.5) {
    let odd = 0;
    let words = 0;
    let v = 0;
    let all = 0;
    for (const t of tokens) {
      const w = t.normalize('NFD').replace(/\p{M}/gu, '').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (w.length < 2 || !ALPHABETIC.test(w)) continue;
      if (!/^\p{L}+$/u.test(w)) {
        // Letters with symbols inside ("th#e", "c%m"): odd, unless joined as words are
        // (hyphens, apostrophes, dots, slashes, digits: "don't", "e.g", "COVID-19", "and/or", URLs).
        if (!/^[\p{L}\p{N}'’./:_\-–=?&#%@~+]+$/u.test(w) || /[^\p{L}\p{N}][^\p{L}\p{N}]/u.test(w.replace(/:\/\//g, ''))) {
          words++;
          odd++;
        }
        continue;
      }
      words++;
      if (oddWord(w)) odd++;
      for (const c of w.toLowerCase()) {
        all++;
        if (VOWEL.test(c)) v++;
      }
    }
    stats.words = words;
    stats.oddWords = words > 0 ? odd / words : 0;
    stats.vowels = all > 0 ? v / all : 0;
  }
  const reason = stats.unusable > MAX_UNUSABLE ? 'unusable characters'
    : stats.letters < MIN_LETTERS ? 'few letters'
      : stats.words >= MIN_WORDS && stats.oddWords > MAX_ODD_WORDS ? 'implausible words'
        : stats.words >= MIN_WORDS && (stats.vowels < VOWELS[0] || stats.vowels > VOWELS[1]) ? 'implausible vowel share'
          : stats.longTokens > MAX_LONG_TOKENS ? 'words run together'
            : null;
  return { garbage: reason !== null, reason, stats };
}

/** A word of implausible shape: no vowel (3+ letters), a run of 6 consonants, case flipping, over 30 letters. */
function oddWord(w: string): boolean {
  if (w.length > 30) return true;
  const lower = w.toLowerCase();
  let run = 0;
  let hasVowel = false;
  for (const c of lower) {
    if (VOWEL.test(c)) {
      hasVowel = true;
      run = 0;
    } else if (++run >= 6) return true;
  }
  if (!hasVowel && w.length >= 3 && w !== w.toUpperCase()) return true;
  // Case flips after the second letter: "aBcDeF" (3+), not "McDonald", "iPhone", "PubMed" or "ABC".
  let flips = 0;
  for (let i = 2; i < w.length; i++) {
    const up = (c: string) => c !== c.toLowerCase();
    if (up(w[i]!) !== up(w[i - 1]!)) flips++;
  }
  return flips >= 3 && w !== w.toUpperCase();
}
