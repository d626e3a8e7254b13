/**
 * The closed set of error codes the engine reports. Codes cross every boundary (worker → engine →
 * CLI / IPC → renderer) as data `{code, message}`; callers switch on `code`, never on the message.
 * Each code is documented in main/engine/README.md ("Error codes").
 */
export const ERROR_CODES = [
  // files and folders
  'FILE_NOT_FOUND', 'FILE_VANISHED', 'FILE_UNREADABLE', 'FILE_TOO_LARGE', 'EMPTY_FILE', 'SYMLINK_LOOP',
  'UNSUPPORTED_TYPE',
  // PDFs
  'NOT_A_PDF', 'PDF_ENCRYPTED', 'PDF_CORRUPT', 'PDF_TRUNCATED', 'PDF_NO_TEXT', 'PDF_TIMEOUT',
  // notes
  'NOT_UTF8', 'ENCODING_UNSUPPORTED', 'FRONT_MATTER_INVALID',
  // store and jobs
  'DB_OPEN_FAILED', 'DB_CORRUPT', 'DISK_FULL', 'DB_BUSY', 'CANCELLED', 'WORKER_CRASHED',
  // embeddings
  'NO_EMBEDDINGS', 'MODEL_NOT_FOUND', 'MODEL_INVALID', 'EMBEDDER_FAILED',
  // model downloads
  'DOWNLOAD_FAILED', 'HUB_UNREACHABLE', 'CHECKSUM_MISMATCH', 'MODEL_NOT_PINNED', 'MODEL_BUSY',
  // evaluation
  'DATASET_INVALID',
  // the local LLM (Ollama)
  'OLLAMA_UNREACHABLE', 'MODEL_MISSING', 'LLM_TIMEOUT', 'LLM_FAILED',
  // PubMed (NCBI E-utilities)
  'PUBMED_UNREACHABLE', 'PUBMED_RATE_LIMITED', 'PUBMED_QUERY_INVALID', 'PUBMED_TIMEOUT', 'PUBMED_FAILED',
  // ClinicalTrials.gov (API v2)
  'CTGOV_UNREACHABLE', 'CTGOV_RATE_LIMITED', 'CTGOV_QUERY_INVALID', 'CTGOV_NOT_FOUND', 'CTGOV_TIMEOUT', 'CTGOV_FAILED',
  // Zotero data directories
  'ZOTERO_INVALID', 'ZOTERO_UNSUPPORTED_VERSION',
  // the MCP server
  'WRITES_DISABLED',
  // OCR of scanned pages
  'OCR_LANGUAGE_UNKNOWN', 'OCR_FAILED', 'OCR_PAGE_TOO_LARGE',
  // DOCX, HTML and EPUB
  'DOC_CORRUPT', 'DOC_TRUNCATED', 'DOC_ENCRYPTED', 'ZIP_BOMB', 'HTML_TOO_LARGE',
  // usage
  'BAD_ARGUMENT', 'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as plain data, safe to post between threads and processes. */
export interface ErrorData {
  code: ErrorCode;
  message: string;
}

export class EngineError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.code = code;
  }
  toData(): ErrorData {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Maps Node fs errors to engine codes; anything unknown becomes INTERNAL with its message kept. */
export function toErrorData(err: unknown, path?: string): ErrorData {
  if (err instanceof EngineError) return err.toData();
  const e = err as (Error & { code?: unknown }) | null;
  const where = path ? `${path}: ` : '';
  if (e && typeof e === 'object') {
    if (isErrorCode(e.code)) return { code: e.code, message: String(e.message) };
    switch (e.code) {
      case 'ENOENT': return { code: 'FILE_VANISHED', message: `${where}the file disappeared before it could be read` };
      case 'EACCES':
      case 'EPERM': return { code: 'FILE_UNREADABLE', message: `${where}permission denied` };
      case 'ELOOP': return { code: 'SYMLINK_LOOP', message: `${where}symbolic link loop` };
      case 'EISDIR': return { code: 'UNSUPPORTED_TYPE', message: `${where}is a directory` };
      case 'ENOSPC':
      case 'SQLITE_FULL': return { code: 'DISK_FULL', message: `${where}the disk is full; nothing was written for this item` };
      case 'SQLITE_CORRUPT':
      case 'SQLITE_NOTADB': return { code: 'DB_CORRUPT', message: `${where}the database file is damaged or not a Delve database: restore a backup (delve restore <file>) or move the file away and index your folders again` };
      case 'SQLITE_BUSY': return { code: 'DB_BUSY', message: `${where}the database is locked by another process` };
      case 'ABORT_ERR': return { code: 'CANCELLED', message: 'cancelled' };
    }
    if ((e as Error).name === 'AbortError') return { code: 'CANCELLED', message: 'cancelled' };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: where + message };
}
