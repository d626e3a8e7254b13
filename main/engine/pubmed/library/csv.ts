/**
 * CSV export (RFC 4180): a header row, one row per record, CRLF line ends, commas between fields;
 * a field holding a comma, a double quote, CR or LF (or starting or ending with a space) is quoted
 * and its quotes doubled. Lists (authors, MeSH, types, keywords) are joined with "; ". With `bom`,
 * the text starts with U+FEFF so spreadsheet programs read it as UTF-8.
 */
import type { PubmedRecord } from '../eutils/types.js';
import { meshLabel } from './export-fields.js';
import { authorString } from './names.js';

export const CSV_COLUMNS = ['pmid', 'title', 'authors', 'journal', 'year', 'doi', 'pmcid', 'publication_types', 'mesh', 'keywords', 'language', 'abstract'] as const;

export function csvField(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function row(r: PubmedRecord): string[] {
  return [
    r.pmid, r.title, r.authors.map(authorString).join('; '), r.journal ?? '', r.year === null ? '' : String(r.year),
    r.doi ?? '', r.pmcid ?? '', r.publicationTypes.join('; '), r.mesh.map(meshLabel).join('; '), r.keywords.join('; '),
    r.language ?? '', r.abstract,
  ];
}

export function toCsv(records: readonly PubmedRecord[], opts: { bom?: boolean } = {}): string {
  const lines = [[...CSV_COLUMNS], ...records.map(row)].map((cells) => cells.map(csvField).join(','));
  return (opts.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
