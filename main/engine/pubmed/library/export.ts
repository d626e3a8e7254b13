/** Exports of PubMed records: RIS, BibTeX, CSV. */
import type { PubmedRecord } from '../eutils/types.js';
import { toBibtex } from './bibtex.js';
import { toCsv } from './csv.js';
import { toRis } from './ris.js';

export { bibtexKeys, escapeBibtex, toBibtex } from './bibtex.js';
export { CSV_COLUMNS, csvField, toCsv } from './csv.js';
export { toRis } from './ris.js';

export type ExportFormat = 'ris' | 'bibtex' | 'csv';

export function exportRecords(format: ExportFormat, records: readonly PubmedRecord[]): string {
  switch (format) {
    case 'ris': return toRis(records);
    case 'bibtex': return toBibtex(records);
    case 'csv': return toCsv(records);
  }
}
