/**
 * `delve trials search "<Essie expression>" [--seeds NCT…] [--limit N] [--db <file>]`: checks the
 * expression, runs it on ClinicalTrials.gov as query.term and reads the first N NCT ids (default
 * 1,000, DeepRetrieval's depth) over as many pages as that takes; with seeds, recall =
 * |seeds ∩ ids| / |seeds|. With --db, the trials the library already has are marked.
 * --json: `{"count","ids","recall","seedsFound","seedsMissed","pages","normalized","inLibrary"?}`;
 * an invalid expression gives `{"ok":false,"errors":[…]}` and exit 1, nothing sent.
 */
import { createEngine } from '../index.js';
import { TRIALS_RECALL_AT } from '../trials/draft/draft.js';
import { checkEssie } from '../trials/essie/index.js';
import { ctgovFrom, nctArgs, withSigint, type Out } from './trials-common.js';

export interface TrialsSearchArgs { query: string; seeds?: string[]; limit?: number; ctgov?: string; library?: string; json: boolean }

export async function trialsSearch(a: TrialsSearchArgs, out: Out): Promise<number> {
  const seeds = nctArgs(a.seeds, '--seeds');
  const check = checkEssie(a.query);
  if (!check.ok) {
    if (a.json) out(JSON.stringify({ ok: false, errors: check.errors.map((e) => ({ message: e.message, offset: e.offset })) }));
    else for (const e of check.errors) out(`error at offset ${e.offset}: ${e.message}`);
    return 1;
  }
  const ctgov = ctgovFrom(a);
  const limit = a.limit ?? TRIALS_RECALL_AT;
  const r = await withSigint((signal) => ctgov.searchAll({ term: check.normalized }, { limit, signal }));
  const got = new Set(r.ids);
  const seedsFound = seeds.filter((s) => got.has(s));
  const seedsMissed = seeds.filter((s) => !got.has(s));
  const recall = seeds.length ? seedsFound.length / seeds.length : null;
  let inLibrary: Record<string, number> | undefined;
  if (a.library) {
    const engine = await createEngine({ dbPath: a.library, bm25MemoryMb: 0 });
    try {
      inLibrary = engine.trialMatches(r.ids);
    } finally { engine.close(); }
  }
  if (a.json) {
    out(JSON.stringify({ count: r.count, ids: r.ids, recall, seedsFound, seedsMissed, pages: r.pages, normalized: check.normalized, warnings: check.warnings, ...(inLibrary ? { inLibrary } : {}) }));
    return 0;
  }
  out(`ClinicalTrials.gov: ${r.count.toLocaleString('en-US')} studies${r.count > r.ids.length ? ` (first ${r.ids.length.toLocaleString('en-US')} read, ${r.pages} page${r.pages === 1 ? '' : 's'})` : ''}`);
  out(`query.term: ${check.normalized}`);
  if (recall !== null) out(`recall@${limit}: ${recall.toFixed(3)} (${seedsFound.length}/${seeds.length} seeds)${seedsMissed.length ? `; missed: ${seedsMissed.join(', ')}` : ''}`);
  const shown = r.ids.slice(0, 20);
  if (shown.length) out(`first ${shown.length}: ${shown.map((id) => (inLibrary?.[id] !== undefined ? `${id} [in library]` : id)).join(' ')}`);
  return 0;
}
