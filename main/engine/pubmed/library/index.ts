/** PubMed records in the library: import, what is already there, exports. */
export { importRecords, recordDoc, PUBMED_PREFIX, type ImportedRecord } from './import.js';
export { knownInLibrary, type Known, type KnownQuery } from './known.js';
export { storedRecords } from './stored.js';
export { exportRecords, toBibtex, toCsv, toRis, recordEntry, type ExportFormat } from './export.js';
export { normalizeDoi } from './doi.js';
