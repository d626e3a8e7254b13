/**
 * ClinicalTrials.gov records in the library (issue 21; numbered 0011 for that issue, registered
 * after the last migration of this branch; the lead renumbers at merge).
 *
 *  - `documents.kind` also accepts 'trial' (a study imported at path `trial:<NCT id>`). The CHECK
 *    cannot change in place, so the table is rebuilt from its own current definition with 'trial'
 *    added to the kind list (so kinds other migrations added are kept), copied row for row with its
 *    ids; its indexes and triggers are read before and made again after. Runs with foreign keys off
 *    (`rebuildsTables`), checked after.
 *  - `trial_records`: one row per imported study (NCT id unique) with the fields filters need.
 *  - `trial_refs`: the study's references (PMID, type, citation, the DOI found in the citation),
 *    for the links between a trial and its publications in the library, both ways.
 */
import type Database from 'better-sqlite3';
import { addDocumentKinds } from './document-kinds.js';

export function up(db: Database.Database): void {
  addDocumentKinds(db, ['trial']);
  db.exec(`
    CREATE TABLE trial_records (
      doc_id          INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
      nct_id          TEXT NOT NULL UNIQUE,
      acronym         TEXT,
      overall_status  TEXT,
      phases          TEXT NOT NULL DEFAULT '[]',
      study_type      TEXT,
      enrollment      INTEGER,
      start_date      TEXT,
      completion_date TEXT,
      sponsor         TEXT,
      conditions      TEXT NOT NULL DEFAULT '[]',
      interventions   TEXT NOT NULL DEFAULT '[]',
      locations_count INTEGER NOT NULL DEFAULT 0,
      imported_at     INTEGER NOT NULL
    );
    CREATE TABLE trial_refs (
      doc_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      pmid     TEXT,
      type     TEXT,
      citation TEXT,
      doi      TEXT
    );
    CREATE INDEX trial_refs_doc ON trial_refs (doc_id);
    CREATE INDEX trial_refs_pmid ON trial_refs (pmid);
    CREATE INDEX trial_refs_doi ON trial_refs (doi);
  `);
}
