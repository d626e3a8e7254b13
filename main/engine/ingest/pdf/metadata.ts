/**
 * Bibliographic metadata: title, authors, year and DOI from the info dictionary and XMP when they
 * are meaningful, else from the first pages (title: the largest type near the top of page 1;
 * authors: name-like lines right under it; DOI: first match on pages 1-2; year: a copyright or
 * publication line, else the creation date). `sources` says, per field found, which of the two it
 * came from ('pdf-info': info dictionary or XMP; 'pdf-text': the pages).
 */
import type { ExtractedSources } from '../../api-library.js';
import type { Line } from './model.js';
import { joinLines } from './paragraphs.js';

export interface DocMeta {
  title: string | null;
  authors: string[];
  year: number | null;
  doi: string | null;
  /** Raw info dictionary fields worth keeping. */
  info: Record<string, string>;
  sources: ExtractedSources;
}

export interface MetaSource {
  info: Record<string, unknown>;
  /** pdf.js' parsed XMP (`get('dc:title')`...), when the PDF has one. */
  xmp: { get(name: string): unknown } | null;
  /** Page 1 lines in reading order. */
  firstPageLines: Line[];
  /** Text of the first two pages. */
  firstPagesText: string;
}

const INFO_FIELDS = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate'] as const;
/** 10.<registrant, 4-9 digits>/<suffix>, not inside a longer number. */
const DOI = /(?<![\d.])10\.\d{4,9}\/[^\s"<>]+/gu;
/** What precedes a DOI that is labelled as one. */
const LABELLED = /(?:\bdoi\b\s*[:=]?\s*|doi\.org\/)$/iu;

export function extractMeta(src: MetaSource): DocMeta {
  const info: Record<string, string> = {};
  for (const k of INFO_FIELDS) {
    const v = src.info[k];
    if (typeof v === 'string' && v.trim()) info[k] = v.trim();
  }
  const sources: ExtractedSources = {};
  const xmpTitle = firstString(src.xmp?.get('dc:title'));
  let title: string | null | undefined = [info.Title, xmpTitle].find((t) => t && meaningfulTitle(t));
  if (title) sources.title = 'pdf-info';
  else if ((title = titleFromPage(src.firstPageLines))) sources.title = 'pdf-text';
  let authors = splitAuthors(info.Author ?? '');
  if (authors.length === 0) authors = splitAuthors(asStrings(src.xmp?.get('dc:creator')).join('; '));
  if (authors.length > 0) sources.authors = 'pdf-info';
  // "Nuala E. Tully {et al.}": the page has the full list.
  if (authors.length === 0 || /\bet al\b/i.test(info.Author ?? '')) {
    const printed = authorsFromPage(src.firstPageLines, title ?? null);
    if (printed.length > authors.length) [authors, sources.authors] = [printed, 'pdf-text'];
  }
  let doi = findDoi([
    firstString(src.xmp?.get('prism:doi')), firstString(src.xmp?.get('pdfx:doi')),
    firstString(src.xmp?.get('dc:identifier')), info.Subject, info.Keywords,
  ].filter(Boolean).join(' '));
  if (doi) sources.doi = 'pdf-info';
  else if ((doi = findDoi(src.firstPagesText))) sources.doi = 'pdf-text';
  let year = printedYear(src.firstPagesText);
  if (year) sources.year = 'pdf-text';
  else if ((year = dateYear(info.CreationDate) ?? dateYear(firstString(src.xmp?.get('xmp:createdate'))))) sources.year = 'pdf-info';
  return { title: title ? clean(title) : null, authors, year, doi, info, sources };
}

/** False for empty titles, file names, producer boilerplate and id-like strings. */
export function meaningfulTitle(raw: string): boolean {
  const t = clean(raw);
  if (t.length < 4) return false;
  if (/^(microsoft (word|powerpoint|excel)|adobe photoshop|untitled|title|document\d*|slide \d+)\b/i.test(t)) return false;
  if (/\.(docx?|pdf|tex|dvi|ps|rtf|odt|indd|qxd|pptx?|xlsx?)\b/i.test(t)) return false;
  if (/^[\w.-]+$/.test(t) && !/^\p{Lu}\p{Ll}+$/u.test(t)) return false; // file names, ids: ipg1300180a
  const letters = (t.match(/\p{L}/gu) ?? []).length;
  if (letters < 0.5 * t.replace(/\s+/g, '').length) return false; // "6489122611071476 1..10"
  return t.split(/\s+/).length >= 2 || /[\p{Lo}]/u.test(t);
}

/** Article-type labels set as large as the title ("Research Article", "RESEARCH ARTICLE Open Access"). */
const LABEL = /^(?:(?:research|original|review|short|brief|clinical|case|technical)\s+)?(?:article|paper|report|communication|letter|note)s?(?:\s+open\s+access)?$|^open\s+access$/iu;

/**
 * Largest type in the upper half of page 1: consecutive lines of that size and font joined,
 * article-type labels skipped.
 */
export function titleFromPage(lines: Line[]): string | null {
  if (lines.length === 0) return null;
  let minTop = Infinity;
  let maxBottom = -Infinity;
  for (const l of lines) {
    minTop = Math.min(minTop, l.top);
    maxBottom = Math.max(maxBottom, l.bottom);
  }
  const limit = minTop + (maxBottom - minTop) / 2;
  const isCandidate = (l: Line): boolean => l.group === 0 && l.top <= limit
    && (l.text.match(/\p{L}/gu) ?? []).length >= 4 && !LABEL.test(l.text.replace(/\b(\p{L}) (?=\p{L}\b)/gu, '$1'));
  const candidates = lines.filter(isCandidate);
  if (candidates.length === 0) return null;
  const size = Math.max(...candidates.map((l) => l.size));
  const start = lines.findIndex((l) => isCandidate(l) && l.size >= size * 0.95);
  let text = lines[start]!.text;
  let prev = lines[start]!;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (Math.abs(l.size - size) > size * 0.05 || l.font !== prev.font || l.top - prev.bottom > prev.size * 1.5 || l.top < prev.top) break;
    text = joinLines(text, l.text);
    prev = l;
  }
  text = clean(text);
  return text.length >= 4 && text.length <= 300 ? text : null;
}

const NAME = /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)(?:[\s-]+(?:\p{Lu}[\p{L}'’-]*\.?|van|von|de|der|den|da|di|del|la|le|dos|du)){1,4}$/u;

/** Name-like lines right after the title on page 1. */
function authorsFromPage(lines: Line[], title: string | null): string[] {
  if (!title) return [];
  const norm = clean(title).toLowerCase();
  let i = 0;
  while (i < lines.length && !norm.includes(clean(lines[i]!.text).toLowerCase().replace(/-$/, ''))) i++;
  while (i < lines.length && norm.includes(clean(lines[i]!.text).toLowerCase().replace(/-$/, ''))) i++;
  const names: string[] = [];
  for (let n = 0; n < 4 && i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!/\p{L}/u.test(text)) continue; // rules, dotted separators
    n++;
    // Affiliation marks (digits, *, †, ♠...) separate names as commas do.
    const parts = text
      .replace(/[^\p{L}\p{M}\s.'’-]+/gu, ',')
      .split(/\s*(?:,|;|\band\b)\s*/u)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0 || !parts.every((p) => NAME.test(p))) break;
    names.push(...parts);
  }
  return names;
}

export function splitAuthors(raw: string): string[] {
  const s = clean(raw.replace(/\{?\bet al\.?\}?/gi, ''));
  if (!s) return [];
  const parts = (s.includes(';') ? s.split(';') : s.split(/,|\band\b|&/)).map((p) => clean(p)).filter(Boolean);
  // A single "Surname, Given" is not two authors.
  if (!s.includes(';') && parts.length === 2 && !parts.every((p) => /\s/.test(p))) return [s];
  return parts.filter((p) => !/\b(journals?|publish\w*|press|elsevier|springer|wiley|admin\w*|user|owner)\b/i.test(p)
    && (/\s/.test(p) || /\p{Lo}/u.test(p)));
}

/**
 * The DOI a text gives for itself: the first one labelled as a DOI ("doi:", "DOI", doi.org/) when
 * there is one (a bare DOI on page 1 is often a cited work's), else the first bare one. Trailing
 * punctuation and unbalanced closing brackets are not part of it.
 */
export function findDoi(text: string): string | null {
  let bare: string | null = null;
  for (const m of text.matchAll(DOI)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (LABELLED.test(before)) return trimDoi(m[0]);
    bare ??= trimDoi(m[0]);
  }
  return bare;
}

function trimDoi(raw: string): string {
  let doi = raw;
  for (;;) {
    const trimmed = doi.replace(/[.,;:'"’”\]}>]+$/u, '');
    const opens = (trimmed.match(/\(/g) ?? []).length;
    const closes = (trimmed.match(/\)/g) ?? []).length;
    const next = trimmed.endsWith(')') && closes > opens ? trimmed.slice(0, -1) : trimmed;
    if (next === doi) break;
    doi = next;
  }
  return doi;
}

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?`;
/** ": 3 January 2014", " March 5, 2014", " 2014" right after a keyword. */
const DATE_AHEAD = String.raw`\s*:?\s*(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?${MONTH},?\s+(?:\d{1,2},?\s+)?)?((?:19|20)\d{2})\b`;

/**
 * A year printed on a copyright line ("© 2014 The Authors", "Copyright © 2010 N. Tully"), else
 * right after "Published"/"Accepted" ("Published: 3 January 2014").
 */
export function printedYear(text: string): number | null {
  const kinds = [
    /(?:©|\(c\)|\bcopyright\b)[^\n]{0,40}?\b((?:19|20)\d{2})\b/iu,
    new RegExp(String.raw`\bpublished(?:\s+online)?` + DATE_AHEAD, 'iu'),
    new RegExp(String.raw`\baccepted` + DATE_AHEAD, 'iu'),
  ];
  for (const re of kinds) {
    const y = plausibleYear(re.exec(text)?.[1]);
    if (y) return y;
  }
  return null;
}

/** Year of a PDF date ("D:20200519...") or an ISO date. */
export function dateYear(s: string | null | undefined): number | null {
  const m = s ? /^(?:D:)?((?:19|20)\d{2})/.exec(s.trim()) : null;
  return plausibleYear(m?.[1]);
}

function plausibleYear(s: string | undefined): number | null {
  if (!s) return null;
  const y = Number(s);
  return y >= 1900 && y <= new Date().getFullYear() + 1 ? y : null;
}

function firstString(v: unknown): string | undefined {
  return asStrings(v)[0];
}

function asStrings(v: unknown): string[] {
  if (typeof v === 'string') return v.trim() ? [v] : [];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  return [];
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
