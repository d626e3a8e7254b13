/** Reading an esummary JSON answer (retmode=json, version 2.0 document summaries). */
import { PubmedError } from './errors.js';
import type { EsummaryDoc } from './types.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The documents in the order of `uids`; ids NCBI has no summary for (an `error` entry) are left out. */
export function parseEsummary(text: string): EsummaryDoc[] {
  let body: Json;
  try {
    body = obj(JSON.parse(text));
  } catch {
    throw new PubmedError('PUBMED_FAILED', `esummary sent a body that is not JSON: ${text.slice(0, 120)}`);
  }
  if (typeof body.error === 'string') throw new PubmedError('PUBMED_QUERY_INVALID', `PubMed rejected the summary request: ${body.error}`);
  const result = obj(body.result);
  const uids = Array.isArray(result.uids) ? result.uids.map(str) : [];
  const docs: EsummaryDoc[] = [];
  for (const uid of uids) {
    const d = obj(result[uid]);
    if (typeof d.error === 'string' || !d.uid) continue;
    const articleIds = (Array.isArray(d.articleids) ? d.articleids : []).map((a) => ({ idtype: str(obj(a).idtype), value: str(obj(a).value) }));
    docs.push({
      uid: str(d.uid),
      title: str(d.title),
      journal: str(d.fulljournalname),
      source: str(d.source),
      pubdate: str(d.pubdate),
      authors: (Array.isArray(d.authors) ? d.authors : []).map((a) => str(obj(a).name)).filter(Boolean),
      elocationid: str(d.elocationid),
      doi: articleIds.find((a) => a.idtype === 'doi')?.value || null,
      articleIds,
    });
  }
  return docs;
}
