/** Reading an esearch JSON answer (retmode=json) into an EsearchResult. */
import { PubmedError } from './errors.js';
import type { EsearchResult, TranslationTerm } from './types.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);
const int = (v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : 0;
};

export function parseEsearch(text: string, term: string): EsearchResult {
  let body: Json;
  try {
    body = obj(JSON.parse(text));
  } catch {
    throw new PubmedError('PUBMED_FAILED', `esearch sent a body that is not JSON: ${text.slice(0, 120)}`);
  }
  if (typeof body.error === 'string') {
    throw new PubmedError('PUBMED_QUERY_INVALID', `PubMed rejected the search "${term}": ${body.error}`);
  }
  const r = obj(body.esearchresult);
  if (typeof r.ERROR === 'string') {
    throw new PubmedError('PUBMED_QUERY_INVALID', `PubMed rejected the search "${term}": ${r.ERROR}`);
  }
  if (!('count' in r) || !Array.isArray(r.idlist)) {
    throw new PubmedError('PUBMED_FAILED', `esearch answer has no count/idlist: ${text.slice(0, 120)}`);
  }
  const errs = obj(r.errorlist);
  const warns = obj(r.warninglist);
  return {
    count: int(r.count),
    retmax: int(r.retmax),
    retstart: int(r.retstart),
    ids: strings(r.idlist),
    translation: typeof r.querytranslation === 'string' ? r.querytranslation : null,
    translationSet: (Array.isArray(r.translationset) ? r.translationset : []).map((x) => {
      const o = obj(x);
      return { from: String(o.from ?? ''), to: String(o.to ?? '') };
    }),
    translationStack: (Array.isArray(r.translationstack) ? r.translationstack : []).map((x): TranslationTerm | string => {
      if (typeof x === 'string') return x;
      const o = obj(x);
      return { term: String(o.term ?? ''), field: String(o.field ?? ''), count: int(o.count), explode: o.explode === 'Y' || o.explode === true };
    }),
    errors: { phrasesNotFound: strings(errs.phrasesnotfound), fieldsNotFound: strings(errs.fieldsnotfound) },
    warnings: {
      phrasesIgnored: strings(warns.phrasesignored),
      quotedPhrasesNotFound: strings(warns.quotedphrasesnotfound),
      outputMessages: strings(warns.outputmessages),
    },
  };
}
