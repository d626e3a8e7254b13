/** The engine facade's literature-review shapes: collections, evidence and its edits, search history. */
import type { SearchOptions } from './api-search.js';

export interface CollectionInfo {
  id: number;
  name: string;
  description: string;
  evidence: number;
  createdAt: number;
}

export type Stance = 'supports' | 'contradicts' | 'background';
export type EvidenceSort = 'document' | 'page' | 'tag' | 'stance' | 'added' | 'manual';
export type CollectionExportFormat = 'md' | 'csv' | 'bib' | 'ris';

/** A whole chunk (optionally an excerpt of it), or an excerpt found on a document's page. */
export type EvidenceTarget =
  | { chunkId: number; quote?: string }
  | { docId: number; page: number | null; quote: string };

/** The query that found a piece of evidence. */
export interface EvidenceQuery {
  text: string;
  mode?: string | null;
  settings?: Record<string, unknown>;
}

export interface EvidenceFields {
  note?: string;
  tags?: string[];
  stance?: Stance | null;
  query?: EvidenceQuery | null;
}

/** An edit of a piece of evidence: any of its fields, and its quote (which must be words of its passage). */
export interface EvidenceEdit {
  note?: string;
  tags?: string[];
  stance?: Stance | null;
  quote?: string;
}

/** A deleted collection: enough to restore it (restoreCollection) and to say what it held. */
export interface DeletedCollection {
  id: number;
  name: string;
  evidence: number;
  deletedAt: number;
}

export interface EvidenceRow {
  id: number;
  collection: string;
  /** Live links (null while the document or chunk is not in the library). */
  docId: number | null;
  chunkId: number | null;
  path: string;
  title: string | null;
  authors: string[];
  year: number | null;
  doi: string | null;
  page: number | null;
  pageLabel: string | null;
  quote: string;
  /** [start, end) of the quote in the document's text, when known. */
  charStart: number | null;
  charEnd: number | null;
  note: string;
  tags: string[];
  stance: Stance | null;
  query: EvidenceQuery | null;
  createdAt: number;
  /** Place in the collection's own order ('manual' sort). */
  position: number;
}

export interface SearchHistoryEntry {
  id: number;
  query: string;
  mode: string;
  /** The options as given (plain data only: no signal or callbacks). */
  options: SearchOptions;
  results: number;
  ms: number;
  at: number;
}
