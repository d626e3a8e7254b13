/**
 * PubMed arguments as the CLI and the app read them (PMID lists, NCBI's address and credentials), apart from
 * the PubMed client so that reading a command line does not load it.
 */
import { EngineError } from '../errors.js';

export interface NcbiSettings { baseUrl?: string; apiKey?: string; email?: string }

/** PMIDs from values that may each hold several (comma- or space-separated), de-duplicated; anything else is BAD_ARGUMENT. */
export function pmidList(values: readonly string[] | undefined, what: string): string[] {
  const ids = [...new Set((values ?? []).flatMap((v) => v.split(/[\s,;]+/)).filter(Boolean))];
  const bad = ids.filter((id) => !/^\d{1,9}$/.test(id));
  if (bad.length) throw new EngineError('BAD_ARGUMENT', `${what} takes PMIDs; not PMIDs: ${bad.slice(0, 5).join(', ')}`);
  return ids;
}

/** NCBI's address, API key and e-mail ('' is unset); absent ones from $NCBI_API_KEY / $NCBI_EMAIL. */
export function ncbiSettings(a: { eutils?: string; apiKey?: string; email?: string }): NcbiSettings {
  const apiKey = a.apiKey ?? (process.env.NCBI_API_KEY || undefined);
  const email = a.email ?? (process.env.NCBI_EMAIL || undefined);
  return { ...(a.eutils ? { baseUrl: a.eutils } : {}), ...(apiKey ? { apiKey } : {}), ...(email ? { email } : {}) };
}
