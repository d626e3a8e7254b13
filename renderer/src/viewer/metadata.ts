/**
 * Bibliographic fields for the viewer: where each came from in words, the edit form's values and
 * the patch they make (only the fields the user changed, validated like the main process does).
 * Pure functions.
 */
import type { BibPatch, DocumentDetail } from '../api.js';

export type BibFields = Pick<DocumentDetail, 'title' | 'authors' | 'year' | 'doi' | 'journal'>;
export type FieldSource = NonNullable<DocumentDetail['sources'][keyof BibFields]>;

const SOURCE_LABELS: Record<FieldSource, string> = {
  'pdf-info': 'from PDF info',
  'pdf-text': 'from the first page',
  filename: 'from the file name',
  'front-matter': 'from the note’s front matter',
  'note-text': 'from the note’s heading',
  pubmed: 'from PubMed',
  zotero: 'from Zotero',
  user: 'edited by you',
};

export const fieldSourceLabel = (s: FieldSource | undefined): string => (s ? SOURCE_LABELS[s] : '');

/** The form's text values. */
export interface BibForm {
  title: string;
  authors: string;
  year: string;
  doi: string;
  journal: string;
}

export function formFromDetail(d: BibFields): BibForm {
  return {
    title: d.title ?? '',
    authors: d.authors.join('\n'),
    year: d.year === null ? '' : String(d.year),
    doi: d.doi ?? '',
    journal: d.journal ?? '',
  };
}

/** One author per line, or separated by semicolons. */
export function parseAuthors(text: string): string[] {
  return text.split(/[\n;]/).map((a) => a.trim().replace(/\s+/g, ' ')).filter((a) => a !== '');
}

/** A DOI without its resolver or "doi:" prefix. */
export function normaliseDoi(text: string): string {
  return text.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

const DOI = /^10\.\d{4,9}\/\S+$/;

export type PatchResult = { ok: true; patch: BibPatch } | { ok: false; errors: Partial<Record<keyof BibForm, string>> };

/** The changed fields as a patch, or what is wrong with the form. */
export function buildPatch(before: BibFields, form: BibForm): PatchResult {
  const errors: Partial<Record<keyof BibForm, string>> = {};
  const patch: BibPatch = {};
  const title = form.title.trim() || null;
  if (title !== before.title) patch.title = title;
  const journal = form.journal.trim() || null;
  if (journal !== before.journal) patch.journal = journal;
  const authors = parseAuthors(form.authors);
  if (authors.join('\u0000') !== before.authors.join('\u0000')) patch.authors = authors;
  const yearText = form.year.trim();
  const year = yearText === '' ? null : Number(yearText);
  if (year !== null && (!Number.isInteger(year) || year < 1000 || year > 2100)) errors.year = 'A year is four digits, 1000 to 2100.';
  else if (year !== before.year) patch.year = year;
  const doi = normaliseDoi(form.doi) || null;
  if (doi !== null && !DOI.test(doi)) errors.doi = 'A DOI looks like 10.1234/abc.';
  else if (doi !== before.doi) patch.doi = doi;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, patch };
}

/** The PMID of a PubMed record document ("pubmed:31234567"), else null. */
export function pubmedId(d: Pick<DocumentDetail, 'kind' | 'path'>): string | null {
  if (d.kind !== 'pubmed') return null;
  const m = /^pubmed:(\d+)$/.exec(d.path);
  return m ? (m[1] as string) : null;
}

/** Markdown notes render as Markdown; other notes as plain text. */
export const isMarkdown = (path: string): boolean => /\.(?:md|markdown|mdown|mkd)$/i.test(path);

