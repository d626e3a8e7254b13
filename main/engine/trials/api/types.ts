/** What the ClinicalTrials.gov API v2 client sends and gets back. */

/** One study as API v2 returns it (JSON; only the sections asked for with `fields`). */
export interface Study {
  protocolSection?: Record<string, unknown>;
  resultsSection?: Record<string, unknown>;
  derivedSection?: Record<string, unknown>;
  documentSection?: Record<string, unknown>;
  hasResults?: boolean;
  [key: string]: unknown;
}

/** The `query.*` parameters (Essie expressions), by search area. */
export const QUERY_AREAS = ['term', 'cond', 'intr', 'titles', 'outc', 'spons', 'locn', 'id', 'patient'] as const;
export type QueryArea = (typeof QUERY_AREAS)[number];

export interface StudiesQuery extends Partial<Record<QueryArea, string>> {
  /** filter.overallStatus, e.g. ['RECRUITING', 'NOT_YET_RECRUITING']. */
  overallStatus?: readonly string[];
  /** filter.advanced: an Essie expression that filters without changing the ranking. */
  advanced?: string;
  /** filter.ids: NCT ids. */
  ids?: readonly string[];
  /** fields: piece names or paths, e.g. ['NCTId', 'BriefTitle']. */
  fields?: readonly string[];
  countTotal?: boolean;
  /** 1–1,000 (the API coerces larger values down to 1,000). */
  pageSize?: number;
  pageToken?: string;
  sort?: readonly string[];
}

export interface StudiesPage {
  studies: Study[];
  /** Only on a first page asked with countTotal. */
  totalCount: number | null;
  nextPageToken: string | null;
}

export interface SearchAllResult {
  /** totalCount of the first page. */
  count: number;
  /** The NCT ids of every page read, in the registry's order (at most `limit`). */
  ids: string[];
  /** Pages read. */
  pages: number;
}

export const NCT_ID = /^NCT\d{8}$/;

/** The NCT id of a study, or null. */
export function nctIdOf(s: Study): string | null {
  const id = (s.protocolSection?.identificationModule as { nctId?: unknown } | undefined)?.nctId;
  return typeof id === 'string' ? id : null;
}
