/**
 * A trial's publications in the library, and the trials that cite a document: the PMIDs of a
 * study's references (ClinicalTrials.gov lists them) matched to imported PubMed records, and the
 * DOIs (from the reference's citation, or from the PubMed record of its PMID) matched to any
 * document with that DOI (a PDF, a note, a record). "Results published: in your library".
 */
import type { Db } from '../../store/db.js';
import { normalizeDoi } from '../../pubmed/library/doi.js';

export interface LinkedDoc { docId: number; kind: string; title: string | null; via: 'pmid' | 'doi' }
export interface TrialPublication { pmid: string | null; type: string | null; citation: string; doi: string | null; inLibrary: LinkedDoc[] }
export interface TrialLinks { docId: number; nctId: string; title: string | null; publications: TrialPublication[] }
export interface CitingTrial { docId: number; nctId: string; title: string | null; via: 'pmid' | 'doi' }

interface DocRow { id: number; kind: string; title: string | null; doi: string | null }

function doiIndex(db: Db): Map<string, DocRow[]> {
  const map = new Map<string, DocRow[]>();
  for (const r of db.prepare('SELECT id, kind, title, doi FROM documents WHERE doi IS NOT NULL ORDER BY id').all() as DocRow[]) {
    const k = normalizeDoi(r.doi);
    if (k) map.set(k, [...(map.get(k) ?? []), r]);
  }
  return map;
}

/** The links of these trial documents (all trials in the library when omitted), in id order. */
export function trialLinks(db: Db, docIds?: readonly number[]): TrialLinks[] {
  const trials = db.prepare(`SELECT t.doc_id AS docId, t.nct_id AS nctId, d.title FROM trial_records t JOIN documents d ON d.id = t.doc_id
    WHERE ? IS NULL OR t.doc_id IN (SELECT value FROM json_each(?)) ORDER BY t.doc_id`)
    .all(docIds ? 1 : null, JSON.stringify(docIds ?? [])) as Array<{ docId: number; nctId: string; title: string | null }>;
  const refs = db.prepare('SELECT pmid, type, citation, doi FROM trial_refs WHERE doc_id = ? ORDER BY rowid');
  const byPmid = db.prepare('SELECT p.doc_id AS id, d.kind, d.title, p.doi FROM pubmed_records p JOIN documents d ON d.id = p.doc_id WHERE p.pmid = ?');
  let dois: Map<string, DocRow[]> | null = null;
  return trials.map((t) => ({
    ...t,
    publications: (refs.all(t.docId) as Array<Omit<TrialPublication, 'inLibrary'>>).map((ref) => {
      const found = new Map<number, LinkedDoc>();
      const record = ref.pmid ? (byPmid.get(ref.pmid) as DocRow | undefined) : undefined;
      if (record) found.set(record.id, { docId: record.id, kind: record.kind, title: record.title, via: 'pmid' });
      for (const d of new Set([normalizeDoi(ref.doi), normalizeDoi(record?.doi ?? null)].filter((x): x is string => x !== null))) {
        dois ??= doiIndex(db);
        for (const r of dois.get(d) ?? []) if (!found.has(r.id)) found.set(r.id, { docId: r.id, kind: r.kind, title: r.title, via: 'doi' });
      }
      return { ...ref, inLibrary: [...found.values()] };
    }),
  }));
}

/** The trials in the library that list this document among their references (by its PMID or DOI). */
export function citingTrials(db: Db, docId: number): CitingTrial[] {
  const pmid = db.prepare('SELECT pmid FROM pubmed_records WHERE doc_id = ?').pluck().get(docId) as string | undefined;
  const doi = normalizeDoi((db.prepare('SELECT doi FROM documents WHERE id = ?').pluck().get(docId) as string | null | undefined) ?? null);
  const pmids = new Set<string>(pmid ? [pmid] : []);
  if (doi) for (const p of db.prepare('SELECT pmid FROM pubmed_records WHERE doi = ?').pluck().all(doi) as string[]) pmids.add(p);
  const rows = db.prepare(`SELECT DISTINCT r.doc_id AS docId, t.nct_id AS nctId, d.title, CASE WHEN r.pmid IN (SELECT value FROM json_each(?)) THEN 'pmid' ELSE 'doi' END AS via
    FROM trial_refs r JOIN trial_records t ON t.doc_id = r.doc_id JOIN documents d ON d.id = r.doc_id
    WHERE r.pmid IN (SELECT value FROM json_each(?)) OR (? IS NOT NULL AND r.doi = ?) ORDER BY r.doc_id`)
    .all(JSON.stringify([...pmids]), JSON.stringify([...pmids]), doi, doi) as CitingTrial[];
  const seen = new Set<number>();
  return rows.filter((r) => (seen.has(r.docId) ? false : (seen.add(r.docId), true)));
}
