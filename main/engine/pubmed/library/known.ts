/**
 * Which PubMed hits the library already has: a PubMed record imported under that PMID, else any
 * document (PDF, note, record) whose DOI is the same (compared case-insensitively, without a
 * https://doi.org/ prefix).
 */
import type { Db } from '../../store/db.js';
import { normalizeDoi } from './doi.js';

export interface KnownQuery { pmid: string; doi?: string | null }

export interface Known {
  pmid: string;
  /** The document's id, or null when the library has neither the PMID nor the DOI. */
  docId: number | null;
  via: 'pmid' | 'doi' | null;
}

export function knownInLibrary(db: Db, items: readonly KnownQuery[]): Known[] {
  const byPmid = db.prepare('SELECT doc_id FROM pubmed_records WHERE pmid = ?').pluck();
  let byDoi: Map<string, number> | null = null;
  const doiIndex = (): Map<string, number> => {
    if (byDoi) return byDoi;
    byDoi = new Map();
    // documents.doi holds what the file's metadata said: normalised here, lowest id first.
    const rows = db.prepare('SELECT id, doi FROM documents WHERE doi IS NOT NULL ORDER BY id').all() as { id: number; doi: string }[];
    for (const r of rows) {
      const key = normalizeDoi(r.doi);
      if (key !== null && !byDoi.has(key)) byDoi.set(key, r.id);
    }
    return byDoi;
  };
  return items.map(({ pmid, doi }) => {
    const id = byPmid.get(String(pmid).trim()) as number | undefined;
    if (id !== undefined) return { pmid, docId: id, via: 'pmid' as const };
    const key = normalizeDoi(doi);
    const hit = key === null ? undefined : doiIndex().get(key);
    return hit === undefined ? { pmid, docId: null, via: null } : { pmid, docId: hit, via: 'doi' as const };
  });
}
