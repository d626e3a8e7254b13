/** What a Zotero import reports (engine facade `importZotero`, CLI `delve zotero`). */
import type { SkippedFile } from '../types.js';

export interface ZoteroImportSummary {
  /** The Zotero data folder, resolved. */
  library: string;
  /** Items with a PDF in the library (not trashed). */
  items: number;
  /** Attachments (documents): imported for the first time, re-overlaid, removed, left as they were. */
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** PDFs the indexer parsed in this run (0 when nothing changed). */
  parsed: number;
  /** Attachments that could not be indexed (missing file, not a PDF…), each with a code. */
  skipped: SkippedFile[];
  ms: number;
}
