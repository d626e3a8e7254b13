/**
 * Real files for the "nothing lost" tests (disk full, two writers, backups): two folders of real
 * Markdown notes and two real PDFs from ../shared, and a fingerprint of what a database holds per
 * document, to compare a library with one indexed without trouble.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { sharedDir } from './shared.js';

/** ~300 notes in two folders, and two text PDFs (10 and 18 pages). */
export function realSources(): { notes: string[]; pdfs: string[] } {
  const shared = sharedDir();
  return {
    notes: ['git', 'vim'].map((d) => join(shared, 'notes', 'til-jbranchaud', d)),
    pdfs: ['peerj-cs-118_VESPA.pdf', 'bmc-hsr-2014-14-1_healthcare-quality-malawi.pdf'].map((f) => join(shared, 'pdfs', f)),
  };
}

/** path → status, page count and the document's chunk hashes in order (what a complete write leaves). */
export function docFingerprints(dbPath: string): Map<string, string> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db.prepare(`SELECT d.path, d.status, d.page_count AS pages,
        (SELECT count(*) FROM pages p WHERE p.doc_id = d.id) AS pageRows,
        (SELECT group_concat(hash, ',') FROM (SELECT hash FROM chunks c WHERE c.doc_id = d.id ORDER BY ordinal)) AS hashes
      FROM documents d`).all() as { path: string; status: string; pages: number; pageRows: number; hashes: string | null }[];
    return new Map(rows.map((r) => [r.path, `${r.status} ${r.pages}/${r.pageRows} ${r.hashes ?? ''}`]));
  } finally {
    db.close();
  }
}

/** SQLite's integrity check, the FTS index's own check, and the foreign keys: [] when all hold. */
export function integrityProblems(dbPath: string): string[] {
  const db = new Database(dbPath);
  try {
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((s) => s !== 'ok');
    try {
      db.prepare("INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('integrity-check', 1)").run();
    } catch (err) {
      problems.push(`fts: ${(err as Error).message}`);
    }
    for (const fk of db.pragma('foreign_key_check') as { table: string }[]) problems.push(`foreign key in ${fk.table}`);
    return problems;
  } finally {
    db.close();
  }
}
