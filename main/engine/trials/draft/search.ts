/**
 * Running one checked candidate on the registry: with seed NCT ids, the first `recallAt` ids over
 * as many pages as that takes (recall = |seeds ∩ ids| / |seeds|, DeepRetrieval's measure); without,
 * the count alone (one page of one id). With two or more areas, each area is also counted alone;
 * an area whose expression is an AND or OR of parts has each part counted (at most MAX_CLAUSES a
 * candidate), like the PubMed drafter's clause counts.
 */
import type { Ctgov } from '../api/client.js';
import type { QueryArea, StudiesQuery } from '../api/types.js';
import { checkEssie, printEssie } from '../essie/index.js';
import type { AreaQueries } from './answer.js';
import type { AreaCount, TrialCandidate } from './candidate.js';

export interface RunOptions {
  ctgov: Ctgov;
  seeds: readonly string[];
  recallAt: number;
  pageSize?: number;
  /** Added to every search (e.g. filter.overallStatus). */
  filters?: Pick<StudiesQuery, 'overallStatus' | 'advanced'>;
  signal: AbortSignal;
}

export async function countOnly(o: RunOptions, q: StudiesQuery): Promise<number> {
  const page = await o.ctgov.studies({ ...o.filters, ...q, fields: ['NCTId'], countTotal: true, pageSize: 1 }, { signal: o.signal });
  return page.totalCount ?? page.studies.length;
}

export async function runCandidate(c: TrialCandidate, areas: AreaQueries, o: RunOptions): Promise<void> {
  if (o.seeds.length) {
    const r = await o.ctgov.searchAll({ ...o.filters, ...areas }, { limit: o.recallAt, ...(o.pageSize ? { pageSize: o.pageSize } : {}), signal: o.signal });
    const got = new Set(r.ids);
    c.count = r.count;
    c.idsRead = r.ids.length;
    c.pagesRead = r.pages;
    c.seedsFound = o.seeds.filter((s) => got.has(s));
    c.seedsMissed = o.seeds.filter((s) => !got.has(s));
    c.recall = c.seedsFound.length / o.seeds.length;
  } else {
    c.count = await countOnly(o, areas);
  }
}

/** Each area alone, in the order of QUERY_AREAS; an area the registry refuses keeps its error. */
export async function areaCounts(areas: AreaQueries, o: RunOptions): Promise<AreaCount[]> {
  const keys = Object.keys(areas) as QueryArea[];
  if (keys.length < 2) return [];
  return Promise.all(keys.map(async (area): Promise<AreaCount> => {
    try {
      return { area, query: areas[area]!, count: await countOnly(o, { [area]: areas[area] }) };
    } catch (e) {
      if ((e as { code?: string }).code !== 'CTGOV_QUERY_INVALID') throw e;
      return { area, query: areas[area]!, count: null, error: (e as Error).message };
    }
  }));
}

/** Clause-count requests a candidate may make. */
export const MAX_CLAUSES = 8;

/** The top-level parts of each area's AND / OR, each counted in its area. */
export async function clauseCounts(areas: AreaQueries, o: RunOptions): Promise<AreaCount[]> {
  const parts: Array<{ area: QueryArea; query: string }> = [];
  for (const area of Object.keys(areas) as QueryArea[]) {
    const check = checkEssie(areas[area]!);
    if (check.ok && (check.tree.type === 'and' || check.tree.type === 'or')) for (const c of check.tree.children) parts.push({ area, query: printEssie(c) });
  }
  return Promise.all(parts.slice(0, MAX_CLAUSES).map(async ({ area, query }): Promise<AreaCount> => {
    try {
      return { area, query, count: await countOnly(o, { [area]: query }) };
    } catch (e) {
      if ((e as { code?: string }).code !== 'CTGOV_QUERY_INVALID') throw e;
      return { area, query, count: null, error: (e as Error).message };
    }
  }));
}
