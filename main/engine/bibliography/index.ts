/** The bibliography module: entries, citation keys, names, and the BibTeX, RIS and CSV writers. */
export type { BibEntry, BibName, BibType } from './entry.js';
export { oneLine } from './entry.js';
export { citationKeys, baseKey } from './citekey.js';
export { foldAscii } from './fold.js';
export { parseName, nameText } from './names.js';
export { toBibtex, bibtexEntry, escapeBibtex } from './bibtex.js';
export { toRis, risEntry } from './ris.js';
export { csvField, toCsvText } from './csv.js';
