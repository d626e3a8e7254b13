/** The Trials screen against a fake API: draft, use a candidate, live check, search with recall, import with the library links. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TrialCandidate, TrialsImportResult, TrialsSearchResult } from '../api.js';
import { NavContext, type Nav } from '../app/nav.js';
import { fakeApi } from '../test/fakeApi.js';
import { TrialsScreen } from './TrialsScreen.js';

const cand = (o: Partial<TrialCandidate> = {}): TrialCandidate => ({
  rank: 1, samples: [0], areas: { term: '"chest pain"', cond: 'angina' }, normalized: { term: '"chest pain"', cond: 'angina' }, count: 1500, idsRead: 1000, pagesRead: 10,
  recall: 0.5, seedsFound: ['NCT00005127'], seedsMissed: ['NCT00005485'], countDistance: 1, reward: 5,
  areaCounts: [{ area: 'term', query: '"chest pain"', count: 2200 }, { area: 'cond', query: 'angina', count: 3100 }], clauseCounts: [{ area: 'cond', query: 'angina', count: 3100 }], formatOk: true, loose: false, reply: '', thinking: null, ...o,
});

const RESULT: TrialsSearchResult = {
  query: '"chest pain"', count: 2500, ids: ['NCT02513394', 'NCT06008288'], pages: 2, recall: 1, seedsFound: ['NCT02513394'], seedsMissed: [],
  studies: [
    { nctId: 'NCT02513394', title: 'PALbociclib CoLlaborative Adjuvant Study', status: 'ACTIVE_NOT_RECRUITING', phases: ['PHASE3'], conditions: ['Breast Cancer'], enrollment: 5796, startDate: '2015-08', sponsor: 'Alliance Foundation Trials, LLC.', inLibrary: null },
    { nctId: 'NCT06008288', title: 'A KRAS trial', status: 'RECRUITING', phases: ['PHASE1'], conditions: ['Pancreatic Cancer'], enrollment: 40, startDate: '2023-09', sponsor: 'X', inLibrary: 17 },
  ],
};

const IMPORTED: TrialsImportResult = {
  imported: 1, updated: 0, missing: [],
  documents: [{ nctId: 'NCT02513394', docId: 21, title: 'PALbociclib CoLlaborative Adjuvant Study', publications: [
    { pmid: '34995105', doi: '10.1200/jco.21.01918', inLibrary: [{ docId: 5, kind: 'pubmed', title: 'Treatment Exposure and Discontinuation in PALLAS', via: 'pmid' }] },
    { pmid: '1', doi: null, inLibrary: [] },
  ] }],
};

function renderScreen() {
  const nav: Nav = { screen: 'trials', go: vi.fn(), openDocument: vi.fn(), closeDocument: vi.fn(), viewer: null };
  render(<NavContext.Provider value={nav}><TrialsScreen /></NavContext.Provider>);
  return nav;
}

describe('TrialsScreen', () => {
  it('drafts, uses a candidate, checks it live, searches, imports and shows the publications in the library', async () => {
    const f = fakeApi({
      trialsDraft: async () => [cand(), cand({ rank: 2, areas: { term: '(chest' }, normalized: null, count: null, recall: null, seedsFound: [], seedsMissed: [], areaCounts: [], clauseCounts: [], errors: [{ area: 'term', offset: 0, message: 'unbalanced parenthesis: this ( is never closed' }] })],
      trialsCheck: async (q: string) => (q.includes('(') && !q.includes(')') ? { valid: false, normalized: null, errors: [{ offset: 0, message: 'unbalanced parenthesis' }], warnings: [] } : { valid: true, normalized: q, errors: [], warnings: [] }),
      trialsSearch: async () => RESULT,
      trialsImport: async () => IMPORTED,
    });
    window.delve = f.api;
    const nav = renderScreen();
    fireEvent.change(screen.getByLabelText('Trial question'), { target: { value: 'A 58-year-old woman with chest pain' } });
    fireEvent.click(screen.getByLabelText(/patient description/));
    fireEvent.change(screen.getByLabelText('Known relevant NCT ids'), { target: { value: 'nct00005127, NCT00005485' } });
    fireEvent.click(screen.getByRole('button', { name: 'Draft trial searches' }));
    const card = await screen.findByRole('article', { name: 'Trial search 1' });
    expect(f.calls.find((c) => c.name === 'trialsDraft')?.args).toEqual([{ question: 'A 58-year-old woman with chest pain', patient: true, seeds: ['NCT00005127', 'NCT00005485'] }]);
    expect(card.textContent).toContain('1,500 studies');
    expect(card.textContent).toContain('1/2 known trials (50%)');
    expect(card.textContent).toContain('1,000 ids over 10 pages');
    expect(within(card).getByRole('list', { name: 'Counts per area of 1' }).textContent).toContain('Condition alone: 3,100');
    expect(within(card).getByRole('list', { name: 'Clause counts of 1' }).textContent).toContain('angina: 3,100');
    expect(within(screen.getByRole('article', { name: 'Trial search 2' })).getByRole('list', { name: 'Errors in 2' }).textContent).toContain('Other terms, at character 1: unbalanced parenthesis');

    fireEvent.click(within(card).getByRole('button', { name: 'Use this query' }));
    expect((screen.getByLabelText('Essie query') as HTMLTextAreaElement).value).toBe('"chest pain"');
    fireEvent.change(screen.getByLabelText('Essie query'), { target: { value: '(chest' } });
    await screen.findByRole('list', { name: 'Query errors' });
    expect((screen.getByRole('button', { name: 'Search ClinicalTrials.gov' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Essie query'), { target: { value: '"chest pain"' } });
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Query errors' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Search ClinicalTrials.gov' }));
    const results = await screen.findByRole('region', { name: 'Trial results' });
    expect(results.textContent).toContain('2,500 studies on ClinicalTrials.gov');
    expect(results.textContent).toContain('2 ids read over 2 pages');
    expect(f.calls.find((c) => c.name === 'trialsSearch')?.args).toEqual(['"chest pain"', { seeds: ['NCT00005127', 'NCT00005485'] }]);
    const list = within(results).getByRole('list', { name: 'Trials' });
    expect(within(list).getAllByRole('button', { name: 'In library' })).toHaveLength(1);

    fireEvent.click(within(results).getByRole('button', { name: 'Select all not in library' }));
    await act(async () => { fireEvent.click(within(results).getByRole('button', { name: 'Import selected (1)' })); });
    expect(f.calls.find((c) => c.name === 'trialsImport')?.args).toEqual([['NCT02513394']]);
    const pubs = await within(results).findByRole('list', { name: 'Publications in your library' });
    expect(pubs.textContent).toContain('NCT02513394: results published — in your library: Treatment Exposure and Discontinuation in PALLAS (PMID 34995105)');
    expect(within(list).getAllByRole('button', { name: 'In library' })).toHaveLength(2);
    fireEvent.click(within(pubs).getByRole('button'));
    expect(nav.openDocument).toHaveBeenCalledWith({ docId: 5, page: null });
  });

  it('shows the registry error with its code', async () => {
    window.delve = fakeApi({ trialsCheck: async (q: string) => ({ valid: true, normalized: q, errors: [], warnings: [] }), trialsSearch: async () => { throw Object.assign(new Error('ClinicalTrials.gov could not be reached'), { code: 'CTGOV_UNREACHABLE' }); } }).api;
    renderScreen();
    fireEvent.change(screen.getByLabelText('Essie query'), { target: { value: 'angina' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search ClinicalTrials.gov' }));
    expect((await screen.findByRole('alert')).textContent).toContain('CTGOV_UNREACHABLE');
  });
});
