/**
 * Where each bibliographic field of a stored document came from, in order of precedence: a pinned
 * value (the user's correction), a PubMed record, Zotero's metadata (the overlay's
 * `metadata.fieldSources` says which fields Zotero filled), what ingestion recorded in
 * `metadata.extractedFrom`, and for documents indexed before ingestion recorded it, what the stored
 * info dictionary, front matter and pages show (legacy.ts). The journal has no column: it is the
 * pinned value, the PubMed record's, Zotero's, or a note's front matter `journal`.
 */
import type { DocumentDetail, FieldSource } from '../api-library.js';
import type { Db } from '../store/db.js';
import { stmt } from '../store/statements.js';
import type { BibField, Pinned, StoredBib } from './fields.js';
import { legacySource } from './legacy.js';

export type { StoredBib } from './fields.js';

const SOURCES: readonly string[] = ['pdf-info', 'pdf-text', 'filename', 'front-matter', 'note-text', 'pubmed', 'zotero', 'user'];
const isSource = (v: unknown): v is FieldSource => typeof v === 'string' && SOURCES.includes(v);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});
const textOf = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function journalOf(db: Db, doc: StoredBib, pinned: Map<BibField, Pinned>): { value: string | null; source: FieldSource | null } {
  const pin = pinned.get('journal');
  if (pin) return { value: textOf(pin.value), source: pin.source };
  const candidates: [unknown, FieldSource][] = [];
  if (doc.kind === 'pubmed') {
    const rec = stmt(db, 'SELECT journal FROM pubmed_records WHERE doc_id = ?').get(doc.id) as { journal: string | null } | undefined;
    candidates.push([rec?.journal, 'pubmed'], [doc.meta.journal, 'pubmed']);
  }
  candidates.push([record(doc.meta.zotero).journal, 'zotero']);
  if (doc.kind === 'note') candidates.push([record(doc.meta.frontMatter).journal, 'front-matter']);
  for (const [v, source] of candidates) {
    const value = textOf(v);
    if (value) return { value, source };
  }
  return { value: null, source: null };
}

/** Sources of title, authors, year and DOI (each one that has a value or is pinned). */
export function sourcesOf(doc: StoredBib, pinned: Map<BibField, Pinned>, firstPagesText: () => string): DocumentDetail['sources'] {
  const out: DocumentDetail['sources'] = {};
  const zotero = doc.meta.zotero ? record(doc.meta.fieldSources) : {};
  const extracted = record(doc.meta.extractedFrom);
  const has: Record<Exclude<BibField, 'journal'>, boolean> = {
    title: doc.title !== null, authors: doc.authors.length > 0, year: doc.year !== null, doi: doc.doi !== null,
  };
  for (const field of Object.keys(has) as (keyof typeof has)[]) {
    const pin = pinned.get(field);
    if (pin) { out[field] = pin.source; continue; }
    if (!has[field]) continue;
    const found = extracted[field];
    out[field] = doc.kind === 'pubmed' ? 'pubmed'
      : zotero[field] === 'zotero' ? 'zotero'
      : isSource(found) ? found
      : legacySource(doc, field, firstPagesText);
  }
  return out;
}
