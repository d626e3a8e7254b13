/** PubMed Boolean queries run offline over the library (imported records, PDFs, notes). */
export { offlineDocuments, type OfflineDocument, type OfflineMatches } from './documents.js';
export { runOffline, NOTES, type OfflineOptions, type OfflineResult, type Unsupported } from './run.js';
