/**
 * Domain types shared by the engine's modules. Plain data only: everything here can be posted
 * between worker threads and across IPC.
 */
import type { ErrorData } from './errors.js';

/** What the indexer reads from disk. */
export type FileKind = 'pdf' | 'note' | 'docx' | 'html' | 'epub';
/**
 * A stored document: a file, a PubMed record (`pubmed:<PMID>`), a reference from a .bib/.ris file or
 * Zotero (`ref:<identity>`) or a ClinicalTrials.gov study (`trial:<NCT id>`); records have no file and no pages.
 */
export type DocKind = FileKind | 'pubmed' | 'reference' | 'trial';

/** One physical page of a PDF, text in reading order. Notes have no pages. */
export interface ExtractedPage {
  /** 1-based physical page number. */
  number: number;
  /** The printed page label where the PDF defines one ("iv", "305"), else null. */
  label: string | null;
  /** Page text in reading order; paragraphs separated by a blank line ("\n\n"). */
  text: string;
  /** True when the page has (almost) no text layer but shows images: it needs OCR. */
  needsOcr: boolean;
}

/**
 * A unit of structure the chunker packs into chunks: a paragraph, a list, a heading's body.
 * `start`/`end` are character offsets into the document's full text (see ExtractedDoc.text).
 */
export interface Block {
  text: string;
  start: number;
  end: number;
  /** Physical page for PDFs, null for notes. A block never spans pages. */
  page: number | null;
  /** Heading titles from the outermost to the innermost, e.g. ["Methods", "Participants"]. */
  headingPath: string[];
  /** Where the block is, beyond page and heading path: DOCX/HTML paragraph ordinal, EPUB chapter… */
  locator?: Record<string, string | number>;
}

export interface ExtractedDoc {
  kind: DocKind;
  title: string | null;
  authors: string[];
  year: number | null;
  doi: string | null;
  /** Everything else: PDF info dict, note front matter, tags, links, detected encoding... */
  metadata: Record<string, unknown>;
  /**
   * Full text. For PDFs the pages' texts joined with "\n\n" in page order (page i starts at
   * pageStarts[i]); for notes the body after front matter.
   */
  text: string;
  pages: ExtractedPage[];
  /** Character offset of each page's text in `text` (PDFs only; empty for notes). */
  pageStarts: number[];
  blocks: Block[];
  /** Non-fatal problems (e.g. NOT_UTF8 decoded as windows-1252, PDF_TRUNCATED recovered). */
  warnings: ErrorData[];
}

export interface ChunkOptions {
  /** Target chunk size in characters. */
  targetChars: number;
  /** Characters of the previous chunk repeated at the start of the next (same page/section only). */
  overlapChars: number;
}

export interface ChunkDraft {
  ordinal: number;
  text: string;
  /** sha256 (hex) of the chunk text: the chunk's identity. */
  hash: string;
  start: number;
  end: number;
  firstPage: number | null;
  lastPage: number | null;
  headingPath: string[];
  /** The locator of the block the chunk starts in (DOCX, HTML, EPUB), stored as JSON. */
  locator?: Record<string, string | number>;
}

export interface IndexProgress {
  /** 'ocr': image-only PDF pages are recognised (done/total count pages). 'embed': chunks get vectors (done/total count chunks; chunksPerSec is set). */
  phase: 'scan' | 'parse' | 'write' | 'ocr' | 'embed' | 'done';
  done: number;
  total: number;
  currentPath: string | null;
  pagesPerSec: number;
  etaMs: number | null;
  chunksPerSec?: number;
}

/** A file that could not be indexed (or indexed with a warning), with the error's code and message. */
export interface SkippedFile extends ErrorData {
  path: string;
}
