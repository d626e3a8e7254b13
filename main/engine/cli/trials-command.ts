/**
 * `delve trials check|search|draft|import|links`: ClinicalTrials.gov (API v2) next to PubMed. `check`
 * needs nothing; `search` and `draft` need the registry (--ctgov for another address), `draft` also
 * Ollama; `import` and `links` work on the library database.
 */
import { join } from 'node:path';
import { UsageError, type Parsed } from './args.js';
import { trialsCheck } from './trials-check-command.js';
import type { Out } from './trials-common.js';
import { trialsDraftCommand } from './trials-draft-command.js';
import { trialsImport, trialsLinks } from './trials-import-command.js';
import { trialsSearch } from './trials-search-command.js';

export async function trialsCommand(a: Parsed, dataDir: string, out: Out, err: Out): Promise<number> {
  const [sub, ...rest] = a.positionals;
  const dbPath = a.db ?? process.env.DELVE_DB ?? join(dataDir, 'delve.db');
  if (sub === 'import') return trialsImport(dbPath, { ids: rest, ...(a.ctgov ? { ctgov: a.ctgov } : {}), json: a.json }, out, err);
  if (sub === 'links') return trialsLinks(dbPath, { ids: rest, json: a.json }, out);
  const [query, ...extra] = rest;
  if (!query || extra.length > 0) throw new UsageError(`trials ${sub ?? ''} needs exactly one query (quote it)`.replace('  ', ' '));
  const common = { ...(a.ctgov ? { ctgov: a.ctgov } : {}), ...(a.seeds ? { seeds: a.seeds } : {}), ...(a.limit ? { limit: a.limit } : {}), json: a.json };
  switch (sub) {
    case 'check': return trialsCheck(query, a.json, out);
    case 'search': return trialsSearch({ query, ...common, ...(a.db ? { library: a.db } : {}) }, out);
    case 'draft': return trialsDraftCommand({
      question: query, patient: a.patient, perArea: a.perArea, ...common, ...(a.candidates ? { k: a.candidates } : {}),
      ...(a.ollama ? { ollama: a.ollama } : {}), ...(a.llmModel ? { llmModel: a.llmModel } : {}),
    }, out, err);
    default: throw new UsageError('trials needs "check", "search", "draft", "import" or "links"');
  }
}
