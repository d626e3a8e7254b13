/**
 * When two references are one record: the same DOI (normalised: lower case, no resolver prefix),
 * else the same PMID, else the same folded title (lower case, no accents or punctuation) and year.
 * A group's identity is the first of `doi:…`, `pmid:…`, `title:<folded title>|<year>` it has; it is
 * also the path of the record's document (`ref:<identity>`).
 */
import type { Reference } from '../bibliography/reference.js';
import { normalizeDoi } from '../pubmed/library/doi.js';
import { fold } from '../pubmed/library/names.js';

export interface Keys { doi: string | null; pmid: string | null; titleKey: string | null; year: number | null }

export function keysOf(r: Pick<Reference, 'doi' | 'pmid' | 'title' | 'year'>): Keys {
  const t = r.title ? fold(r.title) : '';
  return { doi: normalizeDoi(r.doi), pmid: r.pmid ?? null, titleKey: t || null, year: r.year };
}

export function identityOf(k: Keys): string | null {
  if (k.doi) return `doi:${k.doi}`;
  if (k.pmid) return `pmid:${k.pmid}`;
  if (k.titleKey) return `title:${k.titleKey}|${k.year ?? ''}`;
  return null;
}

export const REF_PREFIX = 'ref:';
