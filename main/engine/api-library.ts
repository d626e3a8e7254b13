/**
 * The library's own shapes for the desktop screens: folders, a document with its pages, and its
 * bibliographic fields with where each came from. Plain data; re-exported by api.ts.
 */
import type { ChunkPlace } from './api-search.js';
import type { DocKind } from './types.js';

export interface LibraryRoot {
  path: string;
  documents: number;
  pages: number;
  chunks: number;
  errors: number;
  addedAt: number;
}

/**
 * Where one bibliographic field's value came from: the PDF's info dictionary or XMP ('pdf-info'),
 * its first pages ('pdf-text': the largest type, the lines under it, a printed DOI or copyright
 * year), a note's file name, its front matter or its first heading ('note-text'), an imported
 * PubMed record, a Zotero library, or the user's correction (which re-indexing keeps).
 */
export type FieldSource = 'pdf-info' | 'pdf-text' | 'filename' | 'front-matter' | 'note-text' | 'pubmed' | 'zotero' | 'user';

/** Where ingestion found each field it fills (absent: not found); a parsed file's `metadata.extractedFrom`. */
export type ExtractedSources = Partial<Record<'title' | 'authors' | 'year' | 'doi', FieldSource>>;

export interface BibFields {
  title: string | null;
  authors: string[];
  year: number | null;
  doi: string | null;
  journal: string | null;
}

export type BibPatch = Partial<BibFields>;

/** A chunk's text with what cites it: its document and first page. */
export interface ChunkDetail extends ChunkPlace {
  text: string;
}

export interface DocumentPage {
  /** 1-based physical page; 1 for a note. */
  page: number;
  label: string | null;
  text: string;
  /**
   * Set when the page's text came from OCR: mean confidence (0–100), the rendered image's size in
   * pixels, and each word as [text, x0, y0, x1, y1, confidence] in that image's pixels (top-left
   * origin), for highlighting on the page. Absent for text-layer pages.
   */
  ocr?: { confidence: number; width: number; height: number; words: [string, number, number, number, number, number][] };
}

export interface DocumentDetail extends BibFields {
  id: number;
  path: string;
  kind: DocKind;
  size: number;
  status: 'ok' | 'partial' | 'error';
  code: string | null;
  message: string | null;
  /** Per field: where its value came from (absent: no value; a value the user cleared is 'user'). */
  sources: Partial<Record<keyof BibFields, FieldSource>>;
  pages: DocumentPage[];
  chunks: number;
  /** 'needed': image-only pages still without OCR text; 'done': all of them have it; 'none': no image-only pages. */
  ocr?: OcrState;
}

export type OcrState = 'none' | 'needed' | 'done';

