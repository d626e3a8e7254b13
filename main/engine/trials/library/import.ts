/**
 * ClinicalTrials.gov studies into the library: each is a document at path `trial:<NCT id>` (kind
 * 'trial'), its title the brief title, its year the start year, its metadata the TrialRecord (so
 * exports and the app can show every field) and its text the title and the paragraphs of text.ts,
 * under the title as heading path (chunk/record.ts), chunked by the engine's chunker so `delve
 * search` finds it like any other document. `trial_records` and
 * `trial_refs` (migration 0011) hold the fields and references. Importing a study again updates its
 * document in place (same id).
 */
import { createHash } from 'node:crypto';
import { chunkBlocks, chunkingFingerprint } from '../../chunk/chunker.js';
import { recordText } from '../../chunk/record.js';
import { keepPinnedFields } from '../../library/fields.js';
import type { Db } from '../../store/db.js';
import { writeParsed } from '../../store/write.js';
import type { ChunkOptions, ExtractedDoc } from '../../types.js';
import type { Study } from '../api/types.js';
import { trialRecord, type TrialRecord } from './record.js';
import { trialParagraphs } from './text.js';

export const TRIAL_PREFIX = 'trial:';

export interface ImportedTrial { nctId: string; docId: number; title: string; created: boolean }

export function trialDoc(r: TrialRecord): ExtractedDoc {
  const { text, blocks } = recordText(r.title, trialParagraphs(r));
  const year = r.startDate ? Number(r.startDate.slice(0, 4)) : null;
  return {
    kind: 'trial', title: r.title, authors: [], year: Number.isFinite(year) ? year : null, doi: null,
    metadata: { ...r, source: 'ctgov', url: `https://clinicaltrials.gov/study/${r.nctId}` },
    text, pages: [], pageStarts: [], blocks, warnings: [],
  };
}

export function importTrials(db: Db, studies: readonly Study[], chunk: ChunkOptions): ImportedTrial[] {
  const chunking = chunkingFingerprint(chunk);
  const existing = db.prepare('SELECT doc_id FROM trial_records WHERE nct_id = ?').pluck();
  const upsert = db.prepare(`INSERT INTO trial_records (doc_id, nct_id, acronym, overall_status, phases, study_type, enrollment, start_date,
      completion_date, sponsor, conditions, interventions, locations_count, imported_at)
    VALUES (@docId, @nctId, @acronym, @status, @phases, @studyType, @enrollment, @startDate, @completionDate, @sponsor, @conditions,
      @interventions, @locations, @now)
    ON CONFLICT (doc_id) DO UPDATE SET nct_id = excluded.nct_id, acronym = excluded.acronym, overall_status = excluded.overall_status,
      phases = excluded.phases, study_type = excluded.study_type, enrollment = excluded.enrollment, start_date = excluded.start_date,
      completion_date = excluded.completion_date, sponsor = excluded.sponsor, conditions = excluded.conditions,
      interventions = excluded.interventions, locations_count = excluded.locations_count, imported_at = excluded.imported_at`);
  const clearRefs = db.prepare('DELETE FROM trial_refs WHERE doc_id = ?');
  const addRef = db.prepare('INSERT INTO trial_refs (doc_id, pmid, type, citation, doi) VALUES (?, ?, ?, ?, ?)');
  const records = studies.map(trialRecord);
  const out: ImportedTrial[] = [];
  db.transaction(() => {
    for (const r of records) {
      const created = existing.get(r.nctId) === undefined;
      const doc = trialDoc(r);
      const docId = writeParsed(db, {
        path: TRIAL_PREFIX + r.nctId, kind: 'trial', size: Buffer.byteLength(doc.text), mtimeMs: 0,
        contentHash: createHash('sha256').update(JSON.stringify(r)).digest('hex'), doc, chunks: chunkBlocks(doc, chunk), chunking,
      });
      keepPinnedFields(db, docId);
      upsert.run({
        docId, nctId: r.nctId, acronym: r.acronym, status: r.status, phases: JSON.stringify(r.phases), studyType: r.studyType,
        enrollment: r.enrollment?.count ?? null, startDate: r.startDate, completionDate: r.completionDate, sponsor: r.sponsor,
        conditions: JSON.stringify(r.conditions), interventions: JSON.stringify(r.interventions.map((i) => i.name)),
        locations: r.locationsCount, now: Date.now(),
      });
      clearRefs.run(docId);
      for (const ref of r.references) addRef.run(docId, ref.pmid, ref.type, ref.citation, ref.doi);
      out.push({ nctId: r.nctId, docId, title: r.title, created });
    }
  })();
  return out;
}

/** The library's documents for these NCT ids (null where it has none). */
export function trialsInLibrary(db: Db, ids: readonly string[]): Array<number | null> {
  const q = db.prepare('SELECT doc_id FROM trial_records WHERE nct_id = ?').pluck();
  return ids.map((id) => (q.get(id) as number | undefined) ?? null);
}
