/**
 * A record's metadata written over the documents of its attached files (title, authors, year, DOI),
 * so that full-text hits in a PDF show the record they belong to. What the file itself said is
 * kept under `metadata.pdf` (captured once), and `metadata.reference` names the record.
 */
import { keepPinnedFields } from '../library/fields.js';
import type { Db } from '../store/db.js';
import { stmt } from '../store/statements.js';
import type { ExtractedDoc } from '../types.js';

interface FileDoc { id: number; title: string | null; authors: string; year: number | null; doi: string | null; metadata: string }

/** True when the overlay was (re)written; false when the document already carries this record's hash. */
export function overlayFile(db: Db, doc: FileDoc, rec: ExtractedDoc, ref: { identity: string; citationKey: string | null; metaHash: string }): boolean {
  let meta: Record<string, unknown> = {};
  try { meta = JSON.parse(doc.metadata) as Record<string, unknown>; } catch { /* keep {} */ }
  const prev = meta.reference as { metaHash?: unknown } | undefined;
  if (prev?.metaHash === ref.metaHash) return false;
  const pdf = prev && meta.pdf ? meta.pdf : { title: doc.title, authors: JSON.parse(doc.authors) as unknown, year: doc.year, doi: doc.doi };
  const next = { ...meta, pdf, reference: ref };
  stmt(db, 'UPDATE documents SET title = ?, authors = ?, year = ?, doi = ?, metadata = ? WHERE id = ?').run(
    rec.title ?? doc.title, JSON.stringify(rec.authors.length > 0 ? rec.authors : JSON.parse(doc.authors)), rec.year ?? doc.year,
    rec.doi ?? doc.doi, JSON.stringify(next), doc.id,
  );
  keepPinnedFields(db, doc.id);
  return true;
}
