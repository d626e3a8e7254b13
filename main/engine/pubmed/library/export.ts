/** Exports of PubMed records: RIS, BibTeX (bibliography/ writers), CSV. */
import { toBibtex as bibtex, toRis as ris } from '../../bibliography/index.js';
import type { PubmedRecord } from '../eutils/types.js';
import { toCsv } from './csv.js';
import { recordEntry } from './entries.js';

export { CSV_COLUMNS, toCsv } from './csv.js';
export { recordEntry } from './entries.js';

export type ExportFormat = 'ris' | 'bibtex' | 'csv';

export const toBibtex = (records: readonly PubmedRecord[]): string => bibtex(records.map(recordEntry));
export const toRis = (records: readonly PubmedRecord[]): string => ris(records.map(recordEntry));

export function exportRecords(format: ExportFormat, records: readonly PubmedRecord[]): string {
  switch (format) {
    case 'ris': return toRis(records);
    case 'bibtex': return toBibtex(records);
    case 'csv': return toCsv(records);
  }
}
