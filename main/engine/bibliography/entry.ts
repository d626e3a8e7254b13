/**
 * A bibliography entry: what every export (collections, PubMed records, later trial records) knows
 * about one work, in one shape. Writers (bibtex.ts, ris.ts) put out what is known and nothing else.
 */

/** A person ("family" and "given") or an organisation written whole ("literal"). */
export type BibName = { family: string; given: string } | { literal: string };

/**
 * What kind of work: a journal article (journal, volume, issue, pages), a trial registration
 * (registry and its id), or anything else (`misc`).
 */
export type BibType = 'article' | 'trial' | 'misc';

export interface BibEntry {
  type: BibType;
  /** A citation key the source already gave (an imported .bib entry's): kept when free. */
  key?: string | null;
  /** A key for an entry with neither author nor title ("pmid123", a file name). */
  fallbackKey?: string;
  title: string | null;
  authors: BibName[];
  year: number | null;
  journal?: string | null;
  volume?: string | null;
  issue?: string | null;
  pages?: string | null;
  doi?: string | null;
  pmid?: string | null;
  pmcid?: string | null;
  url?: string | null;
  abstract?: string | null;
  keywords?: string[];
  language?: string | null;
  /** A trial's registry ("ClinicalTrials.gov") and its id there ("NCT01234567"). */
  registry?: { name: string; id: string } | null;
}

/** Whitespace (new lines included) collapsed to single spaces; control characters dropped. */
export function oneLine(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}

export const isLiteral = (n: BibName): n is { literal: string } => 'literal' in n;
