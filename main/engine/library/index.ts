/**
 * The library for the desktop screens: folders with their totals (and forgetting one), a document
 * with its pages and its bibliographic fields' sources, the user's corrections (which re-indexing
 * keeps), and which PubMed results are already in the library.
 */
export { documentDetail, documentFile } from './detail.js';
export { keepPinnedFields } from './fields.js';
export { libraryMatches } from './matches.js';
export { listRoots, removeRoot } from './roots.js';
export { updateMetadata } from './update.js';
