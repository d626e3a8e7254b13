/**
 * The test server's default search: every plain word of the term (field tags, quotes, parentheses
 * and AND/OR/NOT dropped) must occur, case-insensitively, as a word of the record's title or
 * abstract. Like PubMed, a word found in no record is reported in errorlist.phrasesnotfound and
 * left out of the search; the translation, translation set and stack are shaped like NCBI's.
 */
import { fixtureYear, plainText } from './xml.js';
import type { PubmedRecordFixture, SearchReply } from './types.js';

const OPERATORS = new Set(['and', 'or', 'not']);

export function termWords(term: string): string[] {
  const words = term.replace(/\[[^\]]*\]/g, ' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => !OPERATORS.has(w)))];
}

const wordsOf = (r: PubmedRecordFixture) => new Set(plainText(r).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

export function defaultSearch(term: string, _params: Record<string, string>, records: readonly PubmedRecordFixture[]): SearchReply {
  const index = records.map((r) => ({ id: r.pmid, words: wordsOf(r) }));
  const words = termWords(term);
  const counts = new Map(words.map((w) => [w, index.filter((d) => d.words.has(w)).length]));
  const found = words.filter((w) => counts.get(w)! > 0);
  const missing = words.filter((w) => counts.get(w) === 0);
  const ids = found.length === 0 ? [] : index.filter((d) => found.every((w) => d.words.has(w))).map((d) => d.id);
  const stack: SearchReply['translationstack'] = [];
  found.forEach((w, i) => {
    stack.push({ term: `"${w}"[All Fields]`, field: 'All Fields', count: String(counts.get(w)), explode: 'N' });
    if (i > 0) stack.push('AND');
  });
  if (found.length > 0) stack.push('GROUP');
  return {
    ids,
    querytranslation: found.map((w) => `"${w}"[All Fields]`).join(' AND '),
    translationset: [],
    translationstack: stack,
    errorlist: { phrasesnotfound: missing, fieldsnotfound: [] },
    warninglist: { phrasesignored: [], quotedphrasesnotfound: [], outputmessages: missing.length ? ['No items found.'] : [] },
  };
}

/** The records' ids kept by datetype=pdat mindate/maxdate (compared by year). */
export function inDateRange(records: readonly PubmedRecordFixture[], ids: string[], params: Record<string, string>): string[] {
  if (!params.mindate && !params.maxdate) return ids;
  const lo = Number((params.mindate ?? '0').slice(0, 4)) || 0;
  const hi = Number((params.maxdate ?? '9999').slice(0, 4)) || 9999;
  const byId = new Map(records.map((r) => [r.pmid, r]));
  return ids.filter((id) => {
    const r = byId.get(id);
    const y = r ? fixtureYear(r) : null;
    return y === null ? !r : y >= lo && y <= hi;
  });
}
