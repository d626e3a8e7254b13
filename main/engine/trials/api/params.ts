/** A StudiesQuery as API v2's query string: `query.*`, `filter.*`, fields, countTotal, pageSize, pageToken, sort. */
import { TrialsError } from './errors.js';
import { NCT_ID, QUERY_AREAS, type StudiesQuery } from './types.js';

export const MAX_PAGE_SIZE = 1000;

export function studiesParams(q: StudiesQuery): Array<[string, string]> {
  const p: Array<[string, string]> = [['format', 'json']];
  for (const area of QUERY_AREAS) {
    const v = q[area]?.trim();
    if (v) p.push([`query.${area}`, v]);
  }
  if (q.overallStatus?.length) p.push(['filter.overallStatus', q.overallStatus.map((s) => s.trim().toUpperCase()).join(',')]);
  if (q.advanced?.trim()) p.push(['filter.advanced', q.advanced.trim()]);
  if (q.ids?.length) p.push(['filter.ids', nctIds(q.ids).join(',')]);
  if (q.fields?.length) p.push(['fields', q.fields.join(',')]);
  if (q.sort?.length) p.push(['sort', q.sort.join(',')]);
  if (q.countTotal) p.push(['countTotal', 'true']);
  if (q.pageSize !== undefined) p.push(['pageSize', String(Math.max(1, Math.min(MAX_PAGE_SIZE, Math.trunc(q.pageSize))))]);
  if (q.pageToken) p.push(['pageToken', q.pageToken]);
  return p;
}

/** Trimmed, upper-cased, de-duplicated NCT ids; anything else is refused. */
export function nctIds(ids: readonly string[]): string[] {
  const out = [...new Set(ids.map((s) => String(s).trim().toUpperCase()).filter(Boolean))];
  const bad = out.filter((s) => !NCT_ID.test(s));
  if (bad.length) throw new TrialsError('CTGOV_QUERY_INVALID', `not NCT ids: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}`);
  return out;
}
