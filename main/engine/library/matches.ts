/**
 * Which PubMed results the library already has, for marking them "in library": by PMID (an
 * imported record) and by DOI (any document, compared without case or resolver prefix), with the
 * rules of pubmed/library/known.ts. DOI keys come back normalised (lower-case, no prefix).
 */
import { EngineError } from '../errors.js';
import { normalizeDoi } from '../pubmed/library/doi.js';
import { knownInLibrary } from '../pubmed/library/known.js';
import type { Db } from '../store/db.js';

export interface MatchKeys { pmids?: string[]; dois?: string[] }
export interface Matches { pmids: Record<string, number>; dois: Record<string, number> }

const strings = (name: string, v: unknown): string[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' || typeof x === 'number')) throw new EngineError('BAD_ARGUMENT', `${name} must be a list`);
  return v.map((x) => String(x).trim()).filter(Boolean);
};

export function libraryMatches(db: Db, keys: MatchKeys): Matches {
  const out: Matches = { pmids: {}, dois: {} };
  for (const k of knownInLibrary(db, strings('pmids', keys?.pmids).map((pmid) => ({ pmid })))) {
    if (k.via === 'pmid' && k.docId !== null) out.pmids[k.pmid] = k.docId;
  }
  const dois = strings('dois', keys?.dois).map(normalizeDoi).filter((d): d is string => d !== null);
  // No PMID is empty, so these look up by DOI alone.
  for (const [i, k] of knownInLibrary(db, dois.map((doi) => ({ pmid: '', doi }))).entries()) {
    if (k.docId !== null) out.dois[dois[i]!] = k.docId;
  }
  return out;
}
