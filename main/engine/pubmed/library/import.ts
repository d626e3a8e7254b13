/**
 * PubMed records into the library. Each record is a document at path `pubmed:<PMID>` (kind
 * 'pubmed'): title, authors ("Müller AL"), year and DOI in the documents row; journal, MeSH,
 * publication types, language, keywords and the PMID in its metadata (the whole record is kept
 * there, so the library can export it again); its text is the title and the abstract (one paragraph
 * per abstract section), chunked by the engine's chunker, so BM25 search finds it like any other
 * document. `pubmed_records` and `pubmed_mesh` (migration 0005) hold what field searches need.
 * Importing a PMID again updates its document in place (same id; unchanged chunks keep their rows).
 */
import { createHash } from 'node:crypto';
import { chunkBlocks, chunkingFingerprint } from '../../chunk/chunker.js';
import { recordText } from '../../chunk/record.js';
import { EngineError } from '../../errors.js';
import { keepPinnedFields } from '../../library/fields.js';
import type { Db } from '../../store/db.js';
import { writeParsed } from '../../store/write.js';
import type { ChunkOptions, ExtractedDoc } from '../../types.js';
import type { PubmedRecord } from '../eutils/types.js';
import { normalizeDoi } from './doi.js';
import { authorString, fold } from './names.js';

export const PUBMED_PREFIX = 'pubmed:';

export interface ImportedRecord {
  pmid: string;
  docId: number;
  title: string;
  /** False when the PMID was already in the library and its document was updated. */
  created: boolean;
}

/** The record's text: its title, then each abstract section ("LABEL: text") as a paragraph, under the title as heading path (chunk/record.ts). */
export function recordDoc(r: PubmedRecord): ExtractedDoc {
  const sections = r.abstractSections.length > 0
    ? r.abstractSections.map((s) => (s.label ? `${s.label}: ${s.text}` : s.text))
    : r.abstract.split(/\n+/);
  const { text, blocks } = recordText(r.title, sections);
  // The whole record but its title, and its abstract where the sections already hold it.
  const { title: _t, abstract, ...rest } = r;
  const kept = r.abstractSections.length > 0 ? rest : { ...rest, abstract };
  return {
    kind: 'pubmed', title: r.title || null, authors: r.authors.map(authorString), year: r.year, doi: r.doi,
    metadata: { ...kept, source: 'pubmed' }, text, pages: [], pageStarts: [], blocks, warnings: [],
  };
}

export function importRecords(db: Db, records: readonly PubmedRecord[], chunk: ChunkOptions): ImportedRecord[] {
  const chunking = chunkingFingerprint(chunk);
  const existing = db.prepare('SELECT doc_id FROM pubmed_records WHERE pmid = ?').pluck();
  const upsert = db.prepare(`INSERT INTO pubmed_records (doc_id, pmid, doi, journal, year, language, mesh, publication_types, imported_at)
    VALUES (@docId, @pmid, @doi, @journal, @year, @language, @mesh, @types, @now)
    ON CONFLICT (doc_id) DO UPDATE SET pmid = excluded.pmid, doi = excluded.doi, journal = excluded.journal,
      year = excluded.year, language = excluded.language, mesh = excluded.mesh,
      publication_types = excluded.publication_types, imported_at = excluded.imported_at`);
  const clearMesh = db.prepare('DELETE FROM pubmed_mesh WHERE doc_id = ?');
  const addMesh = db.prepare('INSERT INTO pubmed_mesh (doc_id, descriptor, ui, major, qualifier) VALUES (?, ?, ?, ?, ?)');
  const out: ImportedRecord[] = [];
  const write = db.transaction((batch: readonly PubmedRecord[]) => {
    for (const r of batch) {
      const created = existing.get(r.pmid) === undefined;
      const doc = recordDoc(r);
      const docId = writeParsed(db, {
        path: PUBMED_PREFIX + r.pmid, kind: 'pubmed', size: Buffer.byteLength(doc.text), mtimeMs: 0,
        contentHash: createHash('sha256').update(JSON.stringify(r)).digest('hex'),
        doc, chunks: chunkBlocks(doc, chunk), chunking,
      });
      keepPinnedFields(db, docId); // a field the user corrected keeps the correction
      upsert.run({
        docId, pmid: r.pmid, doi: normalizeDoi(r.doi), journal: r.journal, year: r.year, language: r.language,
        mesh: JSON.stringify(r.mesh), types: JSON.stringify(r.publicationTypes), now: Date.now(),
      });
      clearMesh.run(docId);
      for (const h of r.mesh) {
        const descriptor = fold(h.descriptor);
        addMesh.run(docId, descriptor, h.ui, h.major ? 1 : 0, null);
        for (const q of h.qualifiers) addMesh.run(docId, descriptor, h.ui, h.descriptorMajor || q.major ? 1 : 0, fold(q.name));
      }
      out.push({ pmid: r.pmid, docId, title: r.title, created });
    }
  });
  const bad = records.find((r) => !/^\d{1,12}$/.test(r.pmid));
  if (bad) throw new EngineError('BAD_ARGUMENT', `not a PMID: ${JSON.stringify(bad.pmid)}`);
  for (let i = 0; i < records.length; i += 500) write(records.slice(i, i + 500));
  return out;
}
