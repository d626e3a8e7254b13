/** What a Zotero import reports (engine facade `importZotero`, CLI `delve zotero`). */
import type { SkippedFile } from '../types.js';
import type { JobOptions } from '../api.js';

export interface ZoteroImportOptions extends JobOptions {
  /** Zotero's base directory for linked files (else found in Zotero's prefs.js: base-dir.ts). */
  baseDir?: string;
  /** A prefs.js to read the base directory from. */
  prefsFile?: string;
}

export interface ZoteroImportSummary {
  /** The Zotero data folder, resolved. */
  library: string;
  /** Zotero's userdata schema version. */
  schemaVersion: number | null;
  /** The base directory used for linked files, or null. */
  baseDir: string | null;
  /** Regular items (not trashed) as records: how many, and what this run did with them. */
  records: { items: number; added: number; updated: number; unchanged: number; removed: number };
  /** Child notes read (kept on their item's record). */
  notes: number;
  /** Attachments that are not PDFs (EPUB, HTML snapshots, links): noted on their record, not indexed. */
  otherAttachments: number;
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
