/**
 * CSV export of PubMed records (the writer is bibliography/csv.ts, RFC 4180): one row per record;
 * lists (authors, MeSH, types, keywords) are joined with "; ".
 */
import { toCsvText } from '../../bibliography/index.js';
import type { PubmedRecord } from '../eutils/types.js';
import { meshLabel } from './export-fields.js';
import { authorString } from './names.js';

export const CSV_COLUMNS = ['pmid', 'title', 'authors', 'journal', 'year', 'doi', 'pmcid', 'publication_types', 'mesh', 'keywords', 'language', 'abstract'] as const;

function row(r: PubmedRecord): string[] {
  return [
    r.pmid, r.title, r.authors.map(authorString).join('; '), r.journal ?? '', r.year === null ? '' : String(r.year),
    r.doi ?? '', r.pmcid ?? '', r.publicationTypes.join('; '), r.mesh.map(meshLabel).join('; '), r.keywords.join('; '),
    r.language ?? '', r.abstract,
  ];
}

export function toCsv(records: readonly PubmedRecord[], opts: { bom?: boolean } = {}): string {
  return toCsvText(CSV_COLUMNS, records.map(row), opts);
}
