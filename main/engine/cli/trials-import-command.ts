/**
 * `delve trials import <NCT…> --db <file>`: fetches the full records (one /studies request with
 * filter.ids, paced and retried) and imports them as `trial:<NCT id>` documents, each shown with
 * its references and the library documents that hold them. Exit 1 when some id was not found.
 * --json: `{"imported","updated","documents":[{"nctId","docId","title","publications":[{"pmid","doi","inLibrary":[…]}]}],"missing"}`.
 *
 * `delve trials links [NCT…|PMID…]`: the publications in the library of the trials named (all
 * trials without ids), or, for PMIDs, the trials in the library that cite them.
 */
import { createEngine } from '../index.js';
import { MAX_PAGE_SIZE } from '../trials/api/params.js';
import { nctIdOf, type Study } from '../trials/api/types.js';
import type { TrialLinks } from '../trials/library/index.js';
import { UsageError } from './args.js';
import { ctgovFrom, nctArgs, withSigint, type Out } from './trials-common.js';

const pubJson = (l: TrialLinks) => l.publications.map((p) => ({ pmid: p.pmid, doi: p.doi, type: p.type, inLibrary: p.inLibrary }));

function printLinks(l: TrialLinks, out: Out): void {
  out(`  ${l.nctId}  #${l.docId}  ${l.title ?? ''}`);
  for (const p of l.publications.filter((x) => x.inLibrary.length)) {
    out(`      results published: in your library — PMID ${p.pmid ?? '?'} → ${p.inLibrary.map((d) => `#${d.docId} ${d.kind}${d.title ? ` "${d.title}"` : ''} (by ${d.via})`).join(', ')}`);
  }
}

export async function trialsImport(dbPath: string, a: { ids: string[]; ctgov?: string; json: boolean }, out: Out, err: Out): Promise<number> {
  const ids = nctArgs(a.ids, 'trials import');
  if (ids.length === 0) throw new UsageError('trials import needs one or more NCT ids');
  const ctgov = ctgovFrom(a);
  const studies: Study[] = [];
  await withSigint(async (signal) => {
    for (let i = 0; i < ids.length; i += MAX_PAGE_SIZE) {
      const page = await ctgov.studies({ ids: ids.slice(i, i + MAX_PAGE_SIZE), pageSize: MAX_PAGE_SIZE }, { signal });
      studies.push(...page.studies);
    }
  });
  const wanted = new Set(ids);
  const found = studies.filter((s) => wanted.has(nctIdOf(s) ?? ''));
  const got = new Set(found.map(nctIdOf));
  const missing = ids.filter((id) => !got.has(id));
  const engine = await createEngine({ dbPath, bm25MemoryMb: 0 });
  let documents;
  try {
    documents = engine.importTrials(found);
  } finally {
    engine.close();
  }
  const created = documents.filter((d) => d.created).length;
  if (a.json) {
    out(JSON.stringify({ imported: created, updated: documents.length - created, missing,
      documents: documents.map((d) => ({ nctId: d.nctId, docId: d.docId, title: d.title, publications: pubJson(d.links) })) }));
  } else {
    out(`ClinicalTrials.gov: ${created} imported, ${documents.length - created} updated (${dbPath})`);
    for (const d of documents) printLinks(d.links, out);
  }
  if (missing.length) err(`not found on ClinicalTrials.gov: ${missing.join(', ')}`);
  return missing.length ? 1 : 0;
}

export async function trialsLinks(dbPath: string, a: { ids: string[]; json: boolean }, out: Out): Promise<number> {
  const pmids = a.ids.filter((s) => /^\d{1,9}$/.test(s));
  const ncts = nctArgs(a.ids.filter((s) => !/^\d{1,9}$/.test(s)), 'trials links');
  const engine = await createEngine({ dbPath, bm25MemoryMb: 0 });
  try {
    const { trials, citing } = engine.trialLinks({ ncts, pmids });
    if (a.json) {
      out(JSON.stringify({ trials: trials.map((l) => ({ nctId: l.nctId, docId: l.docId, title: l.title, publications: pubJson(l) })), ...(pmids.length ? { citing } : {}) }));
      return 0;
    }
    for (const l of trials) printLinks(l, out);
    for (const c of citing) out(`PMID ${c.pmid}${c.docId !== null ? ` (#${c.docId})` : ''}: cited by ${c.trials.length ? c.trials.map((t) => t.nctId).join(', ') : 'no trial in the library'}`);
    return 0;
  } finally {
    engine.close();
  }
}
