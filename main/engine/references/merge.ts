/**
 * Duplicates merged into records: references are grouped by DOI, then PMID, then folded title +
 * year (identity.ts). A record's fields are the first non-empty value among its members, taken in
 * order of their file's path, then their place in the file (so the result does not depend on which
 * file was imported last); its keywords and attached files are the union.
 */
import type { Reference } from '../bibliography/reference.js';
import { keysOf, type Keys } from './identity.js';

export interface Source { file: string; key: string | null }
export interface Member { ref: Reference; source: Source }

export interface MergedRef extends Reference { members: Member[] }

const FIELDS = ['title', 'year', 'journal', 'volume', 'issue', 'pages', 'doi', 'pmid', 'pmcid', 'url', 'abstract', 'language'] as const;

/** One record out of members (at least one), whatever their keys. */
export function foldMembers(members: readonly Member[]): MergedRef {
  const ordered = [...members].sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0));
  const first = ordered[0]!.ref;
  const out: MergedRef = { ...first, keywords: [...(first.keywords ?? [])], files: [...first.files], members: ordered };
  for (const { ref: b } of ordered.slice(1)) {
    for (const f of FIELDS) {
      if ((out[f] === null || out[f] === undefined || out[f] === '') && b[f] !== null && b[f] !== undefined) (out as unknown as Record<string, unknown>)[f] = b[f];
    }
    if (out.authors.length === 0) out.authors = b.authors;
    if (out.type === 'misc' && b.type !== 'misc') out.type = b.type;
    if (!out.key && b.key) out.key = b.key;
    out.keywords = [...new Set([...(out.keywords ?? []), ...(b.keywords ?? [])])];
    out.files = [...new Set([...out.files, ...b.files])];
  }
  return out;
}

/** Groups members into records, in order of each record's first member. */
export function mergeReferences(members: readonly Member[]): MergedRef[] {
  const groups: Member[][] = [];
  const by = { doi: new Map<string, number>(), pmid: new Map<string, number>(), title: new Map<string, number>() };
  const titleKey = (k: Keys) => (k.titleKey ? `${k.titleKey}|${k.year ?? ''}` : null);
  for (const m of members) {
    const k = keysOf(m.ref);
    const hit = (k.doi ? by.doi.get(k.doi) : undefined) ?? (k.pmid ? by.pmid.get(k.pmid) : undefined) ?? (titleKey(k) ? by.title.get(titleKey(k)!) : undefined);
    const at = hit ?? groups.push([]) - 1;
    groups[at]!.push(m);
    const gk = keysOf(foldMembers(groups[at]!));
    if (gk.doi) by.doi.set(gk.doi, at);
    if (gk.pmid) by.pmid.set(gk.pmid, at);
    if (titleKey(gk)) by.title.set(titleKey(gk)!, at);
  }
  return groups.map(foldMembers);
}
