/**
 * The links between trials and publications in the library, asked for by NCT id and/or PMID
 * (`delve trials links`, engine facade `trialLinks`): each trial with its publications, and for
 * each PMID the trials in the library that cite it.
 */
import type { Db } from '../../store/db.js';
import { citingTrials, trialLinks, type CitingTrial, type TrialLinks } from './links.js';

export interface TrialLinksReport {
  trials: TrialLinks[];
  citing: Array<{ pmid: string; docId: number | null; trials: CitingTrial[] }>;
}

export function trialLinksReport(db: Db, q: { ncts?: readonly string[]; pmids?: readonly string[] }): TrialLinksReport {
  const ncts = q.ncts ?? [];
  const pmids = q.pmids ?? [];
  const docIds = ncts.length
    ? (ncts.map((id) => db.prepare('SELECT doc_id FROM trial_records WHERE nct_id = ?').pluck().get(id)).filter((x) => x !== undefined) as number[])
    : undefined;
  const trials = pmids.length && !ncts.length ? [] : trialLinks(db, docIds);
  const citing = pmids.map((pmid) => {
    const doc = db.prepare('SELECT doc_id FROM pubmed_records WHERE pmid = ?').pluck().get(pmid) as number | undefined;
    const direct = db.prepare(`SELECT DISTINCT t.doc_id AS docId, t.nct_id AS nctId, d.title FROM trial_refs r JOIN trial_records t ON t.doc_id = r.doc_id
      JOIN documents d ON d.id = t.doc_id WHERE r.pmid = ? ORDER BY t.doc_id`).all(pmid) as Array<{ docId: number; nctId: string; title: string | null }>;
    return { pmid, docId: doc ?? null, trials: doc !== undefined ? citingTrials(db, doc) : direct.map((t) => ({ ...t, via: 'pmid' as const })) };
  });
  return { trials, citing };
}
