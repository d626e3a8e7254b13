/**
 * Writes Zotero's metadata over an indexed PDF's row. What the PDF itself said is kept under
 * `metadata.pdf`, and `metadata.fieldSources` names where each of title, authors, year and DOI came
 * from ('zotero', or 'pdf' where Zotero has no value), so a later overlay starts again from the PDF's
 * values and a user can see the provenance of every field.
 */
import { keepPinnedFields } from '../library/fields.js';
import type { Db } from '../store/db.js';
import { stmt } from '../store/statements.js';
import { creatorName, type ZoteroItem } from './read.js';

export interface DocState {
  id: number;
  contentHash: string | null;
  status: string;
  title: string | null;
  authors: string;
  year: number | null;
  doi: string | null;
  metadata: string;
}

interface PdfFields { title: string | null; authors: string[]; year: number | null; doi: string | null }

export function overlay(db: Db, doc: DocState, item: ZoteroItem, attachmentKey: string): void {
  let meta: Record<string, unknown> = {};
  try { meta = JSON.parse(doc.metadata) as Record<string, unknown>; } catch { /* keep {} */ }
  const zot = meta.zotero as { key?: unknown } | undefined;
  // The PDF's own values: as captured by an earlier overlay, unless the PDF was re-parsed since.
  const pdf: PdfFields = zot && meta.pdf && typeof meta.pdf === 'object'
    ? meta.pdf as PdfFields
    : { title: doc.title, authors: parseAuthors(doc.authors), year: doc.year, doi: doc.doi };
  const people = item.creators.filter((c) => c.creatorType === 'author');
  const authors = (people.length > 0 ? people : item.creators).map(creatorName).filter(Boolean);
  const src = (z: unknown) => (z === null || (Array.isArray(z) && z.length === 0) ? 'pdf' : 'zotero');
  const fieldSources = { title: src(item.title), authors: src(authors), year: src(item.year), doi: src(item.doi) };
  const next = {
    ...meta,
    pdf,
    zotero: {
      key: item.key, attachmentKey, itemType: item.itemType, journal: item.journal, tags: item.tags,
      collections: item.collections, abstract: item.abstract, date: item.date, url: item.url,
      creators: item.creators, dateModified: item.dateModified,
    },
    fieldSources,
  };
  stmt(db, 'UPDATE documents SET title = ?, authors = ?, year = ?, doi = ?, metadata = ? WHERE id = ?').run(
    item.title ?? pdf.title, JSON.stringify(authors.length > 0 ? authors : pdf.authors), item.year ?? pdf.year,
    item.doi ?? pdf.doi, JSON.stringify(next), doc.id,
  );
  keepPinnedFields(db, doc.id); // a field the user corrected keeps the correction
}

function parseAuthors(json: string): string[] {
  try {
    const a = JSON.parse(json) as unknown;
    return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
