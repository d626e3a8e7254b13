/** PubMed records back out of the library (for exports): rebuilt from each document's row and metadata. */
import type { Db } from '../../store/db.js';
import type { PubmedRecord } from '../eutils/types.js';
import { PUBMED_PREFIX } from './import.js';

interface Row { id: number; title: string | null; metadata: string }

/** The records of these documents (all imported records when `docIds` is omitted), in the order asked; other documents are skipped. */
export function storedRecords(db: Db, docIds?: readonly number[]): PubmedRecord[] {
  const rows = db.prepare(`SELECT id, title, metadata FROM documents WHERE kind = 'pubmed' AND substr(path, 1, ?) = ?
    AND (? IS NULL OR id IN (SELECT value FROM json_each(?))) ORDER BY id`)
    .all(PUBMED_PREFIX.length, PUBMED_PREFIX, docIds ? 1 : null, JSON.stringify(docIds ?? [])) as Row[];
  const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
  const order = docIds ?? rows.map((r) => r.id);
  return order.map((id) => byId.get(id)).filter((r): r is PubmedRecord => r !== undefined);
}

function toRecord(row: Row): PubmedRecord {
  const m = JSON.parse(row.metadata) as Partial<PubmedRecord>;
  const sections = m.abstractSections ?? [];
  return {
    pmid: String(m.pmid ?? ''),
    title: row.title ?? '',
    abstract: m.abstract ?? sections.map((s) => (s.label ? `${s.label}: ${s.text}` : s.text)).join('\n'),
    abstractSections: sections,
    authors: m.authors ?? [],
    journal: m.journal ?? null,
    journalAbbrev: m.journalAbbrev ?? null,
    year: m.year ?? null,
    doi: m.doi ?? null,
    pmcid: m.pmcid ?? null,
    mesh: m.mesh ?? [],
    keywords: m.keywords ?? [],
    publicationTypes: m.publicationTypes ?? [],
    language: m.language ?? null,
  };
}
