/**
 * The source of a field for a document indexed before ingestion recorded sources: worked out again
 * from what is stored, with the rules ingestion uses (ingest/pdf/metadata.ts, ingest/notes). A PDF's
 * info dictionary is in its metadata, its first pages in `pages`; a note's front matter in its
 * metadata. (An XMP-only title or author list reads as 'pdf-text': XMP is not stored.)
 */
import { basename, extname } from 'node:path';
import type { FieldSource } from '../api-library.js';
import { frontMatterTitle } from '../ingest/notes/fields.js';
import { findDoi, meaningfulTitle, printedYear, splitAuthors } from '../ingest/pdf/metadata.js';
import type { StoredBib } from './fields.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function legacySource(doc: StoredBib, field: 'title' | 'authors' | 'year' | 'doi', firstPagesText: () => string): FieldSource {
  if (doc.kind === 'note') {
    if (field !== 'title') return 'front-matter';
    const fm = doc.meta.frontMatter;
    if (fm && typeof fm === 'object' && frontMatterTitle(fm as Record<string, unknown>) !== null) return 'front-matter';
    return doc.title === basename(doc.path, extname(doc.path)) ? 'filename' : 'note-text';
  }
  const info = doc.meta;
  switch (field) {
    case 'title': return meaningfulTitle(str(info.Title)) ? 'pdf-info' : 'pdf-text';
    case 'authors': return splitAuthors(str(info.Author)).length >= doc.authors.length ? 'pdf-info' : 'pdf-text';
    case 'doi': return findDoi(`${str(info.Subject)} ${str(info.Keywords)}`) !== null ? 'pdf-info' : 'pdf-text';
    case 'year': return printedYear(firstPagesText()) === doc.year ? 'pdf-text' : 'pdf-info';
  }
}
