/**
 * Reading the well-known fields of a note's front matter into typed values. Front matter is
 * hand-written, so every reader accepts the shapes people actually use (a list or a delimited
 * string, a number or a string) and ignores the rest rather than failing.
 */

/** `tags` and `tag`: a list, or a string split on commas and whitespace; leading '#' removed. */
export function frontMatterTags(fm: Record<string, unknown>): string[] {
  return [...listOf(fm.tags, /[\s,]+/), ...listOf(fm.tag, /[\s,]+/)]
    .map((t) => t.replace(/^#+/, '').trim())
    .filter((t) => t.length > 0);
}

/** `aliases` and `alias`: a list, or a comma-separated string. */
export function frontMatterAliases(fm: Record<string, unknown>): string[] {
  return dedupe([...listOf(fm.aliases, /,/), ...listOf(fm.alias, /,/)]);
}

/** `author` and `authors`: lists, strings split on ';' or ' and ', or objects with a `name`. */
export function frontMatterAuthors(fm: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const v of [fm.author, fm.authors]) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (typeof item === 'string') names.push(...item.split(/;|\s+and\s+|\n/));
      else if (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string') names.push((item as { name: string }).name);
    }
  }
  return dedupe(names);
}

/** `year` (number or string), else the year of `date` ("2021-03-04", 2021, or a Date). */
export function frontMatterYear(fm: Record<string, unknown>): number | null {
  return yearOf(fm.year) ?? yearOf(fm.date);
}

/** `doi`, without a "doi:" or https://doi.org/ prefix. */
export function frontMatterDoi(fm: Record<string, unknown>): string | null {
  if (typeof fm.doi !== 'string') return null;
  const doi = fm.doi.trim().replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  return /^10\.\S+\/\S+$/.test(doi) ? doi : null;
}

/** `title` as a non-empty string (numbers and dates are stringified), else null. */
export function frontMatterTitle(fm: Record<string, unknown>): string | null {
  const t = fm.title;
  if (typeof t === 'string') return t.trim() || null;
  if (typeof t === 'number') return String(t);
  if (t instanceof Date) return t.toISOString().slice(0, 10);
  return null;
}

function yearOf(v: unknown): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getUTCFullYear();
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1000 && v <= 9999 ? v : null;
  if (typeof v === 'string') {
    const m = /^\s*(\d{4})(?!\d)/.exec(v);
    return m ? Number(m[1]) : null;
  }
  return null;
}

function listOf(v: unknown, split: RegExp): string[] {
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter(Boolean);
  if (typeof v === 'string') return v.split(split).map((x) => x.trim()).filter(Boolean);
  if (typeof v === 'number') return [String(v)];
  return [];
}

function dedupe(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}
