/** Fixtures for the PubMed screen's component tests: a checked candidate and a search answer. */
import type { CheckedCandidate, PubmedSearchResult } from '../api.js';

export function candidate(over: Partial<CheckedCandidate> = {}): CheckedCandidate {
  return {
    rank: 1, samples: [0],
    query: '("Thyroid Neoplasms"[mh] OR "thyroid cancer"[tiab]) AND autopsy[mh]',
    normalized: '("Thyroid Neoplasms"[mh] OR "thyroid cancer"[tiab]) AND autopsy[mh]',
    searched: '("Thyroid Neoplasms"[mh] OR "thyroid cancer"[tiab]) AND autopsy[mh]',
    count: 1234, translation: '"thyroid neoplasms"[MeSH Terms] AND "autopsy"[MeSH Terms]', notFound: [],
    recall: 0.75, seedsFound: ['111', '222', '333'], seedsMissed: ['444'], countDistance: 0.9, reward: 5,
    formatOk: true, loose: false, reply: '<answer>…</answer>', thinking: null,
    clauses: [
      { query: '"Thyroid Neoplasms"[mh] OR "thyroid cancer"[tiab]', depth: 1, count: 98765 },
      { query: 'autopsy[mh]', depth: 1, count: 54321 },
      { query: '"Thyroid Neoplasms"[mh]', depth: 2, count: 90000 },
      { query: '"thyroid cancer"[tiab]', depth: 2, count: 0 },
    ],
    clausesSkipped: 0,
    mesh: [
      { heading: 'Thyroid Neoplasms', exists: true, suggestion: null },
      { heading: 'Autopsies', exists: false, suggestion: 'Autopsy' },
    ],
    ...over,
  };
}

export function searchResult(over: Partial<PubmedSearchResult> = {}): PubmedSearchResult {
  return {
    query: 'autopsy[mh]', count: 54321, translation: '"autopsy"[MeSH Terms]', recall: 0.5, seedsMissed: ['444'],
    records: [
      { pmid: '111', title: 'Occult thyroid carcinoma at autopsy', authors: ['Ada A', 'Bo B', 'Cy C', 'Di D'], journal: 'Thyroid', year: 2019, doi: '10.1/x', inLibrary: 7 },
      { pmid: '555', title: 'Incidental findings in 1,000 autopsies', authors: ['Ed E'], journal: null, year: 2001, doi: null, inLibrary: null },
    ],
    ...over,
  };
}
