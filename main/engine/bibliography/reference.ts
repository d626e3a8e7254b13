/**
 * A reference read from a .bib or .ris file: the bibliographic entry plus what the file said about
 * attached files (raw `file` field values, resolved by the importer) and its own citation key.
 */
import type { BibEntry } from './entry.js';

export interface Reference extends BibEntry {
  /** The entry's key in its file (BibTeX key, RIS ID), or null. */
  key: string | null;
  /** Attached files as the file wrote them: paths (absolute or relative to the file's folder). */
  files: string[];
}

export interface ReadResult {
  references: Reference[];
  /** Entries or lines that could not be read, one message each. */
  errors: string[];
}

const PMID = /^\d{1,9}$/;
export const pmidOf = (v: string | null | undefined): string | null => {
  const s = (v ?? '').trim().replace(/^pmid:\s*/i, '');
  return PMID.test(s) ? s : null;
};

export function yearOf(v: string | null | undefined): number | null {
  const m = /(?:^|\D)(\d{4})(?:\D|$)/.exec(v ?? '');
  return m ? Number(m[1]) : null;
}

/** Every string in a reference in Unicode NFC (LaTeX accents such as {\"u} come out as combining marks). */
export function nfcReference(r: Reference): Reference {
  const nfc = <T>(v: T): T => (typeof v === 'string' ? v.normalize('NFC') as T
    : Array.isArray(v) ? v.map(nfc) as T
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfc(x)])) as T : v);
  return nfc(r);
}
