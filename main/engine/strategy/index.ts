/** Search strategies in Ovid MEDLINE and PubMed syntax: parse, diagnose, print, translate. See README.md. */
export type { Node } from './ast.js';
export { meaning, walk } from './ast.js';
export type { Diagnostic, Note } from './diagnostics.js';
export { detectDatabase, whatIsNeeded, type Database, type Detection } from './detect.js';
export { lineQueries, type LineQuery } from './line-queries.js';
export { splitStrategy } from './lines.js';
export { printOvid } from './print-ovid.js';
export { printPubmed } from './print-pubmed.js';
export { parseStrategy, type ParsedLine, type ParsedStrategy } from './strategy.js';
export { translateParsed, translateStrategy, type Syntax, type TranslatedLine, type Translation } from './translate.js';
