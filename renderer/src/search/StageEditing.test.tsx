import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SearchOpts, SearchResponse } from '../api.js';
import { NavContext, type Nav } from '../app/nav.js';
import { fakeApi } from '../test/fakeApi.js';
import { SearchScreen } from './SearchScreen.js';
import { response, result } from './testFixtures.js';

type Stage = NonNullable<SearchResponse['stages']>[number];
const fast = response([result(1), result(2), result(3)]);

function setup(deep: (opts: SearchOpts) => SearchResponse) {
  const f = fakeApi({ history: async () => [], cancelSearch: async () => true,
    search: async (_q: string, o?: SearchOpts) => (o?.mode === 'full' ? deep(o) : fast) });
  window.delve = f.api;
  const nav: Nav = { screen: 'search', go: vi.fn(), openDocument: vi.fn(), closeDocument: vi.fn(), viewer: null };
  render(<NavContext.Provider value={nav}><SearchScreen /></NavContext.Provider>);
  return { deepCalls: () => f.calls.filter((c) => c.name === 'search' && (c.args[1] as SearchOpts | undefined)?.mode === 'full').map((c) => c.args[1] as SearchOpts) };
}

async function deepSearch(text: string) {
  fireEvent.click(screen.getByRole('radio', { name: 'Deep' }));
  const box = screen.getByRole('searchbox', { name: 'Search' });
  fireEvent.change(box, { target: { value: text } });
  fireEvent.submit(box.closest('form')!);
  return screen.findByText('Deep search done');
}

describe('editing a deep search stage', () => {
  it('re-runs the deep search with the edited rewrite, then the edited RM3 terms, keeping earlier edits; shows hits and moves', async () => {
    const stages = (o: SearchOpts): Stage[] => [
      { name: 'initial', ms: 5 },
      { name: 'rewrite', ms: 0, text: o.pipeline?.edits?.rewrite ?? 'aspirin OR stroke', queries: [{ label: 'keyword rewrite', text: 'x', hits: o.pipeline?.edits?.rewrite ? 7 : 1234 }] },
      { name: 'retrieve', ms: 9, delta: { newInTop10: 1, moved: [{ chunkId: 2, from: 5, to: 1 }], hits: 30 }, queries: [{ label: 'expanded query', text: 'x', hits: 2000 }] },
      { name: 'rm3', ms: 4, terms: o.pipeline?.edits?.rm3 ?? [{ term: 'aspirin', weight: 0.6 }, { term: 'platelet', weight: 0.4 }] },
    ];
    const { deepCalls } = setup((o) => response([result(2), result(1)], { mode: 'full', ms: 50, status: null, stages: stages(o) }));
    await deepSearch('aspirin');
    const panel = screen.getByRole('region', { name: 'Deep search stages' });
    expect(within(panel).getByText('keyword rewrite: 1,234 hits')).toBeTruthy();
    expect(within(panel).getByText('expanded query: 2,000 hits')).toBeTruthy();
    expect(within(panel).getByText('1 new in the top 10, 1 moved, 30 hits')).toBeTruthy();
    expect(within(panel).getByText('Paper 2: #5 → #1 (up 4)')).toBeTruthy();
    expect(deepCalls()[0]!.pipeline).toEqual({ rm3Fallback: true });

    fireEvent.click(within(panel).getByRole('button', { name: 'Edit Keyword rewrite' }));
    const form = within(panel).getByRole('form', { name: 'Edit Keyword rewrite' });
    const box = within(form).getByLabelText('Keyword rewrite');
    expect((box as HTMLTextAreaElement).value).toBe('aspirin OR stroke');
    fireEvent.change(box, { target: { value: 'antiplatelet therapy' } });
    await act(async () => { fireEvent.submit(form); });
    await waitFor(() => expect(deepCalls().length).toBe(2));
    expect(deepCalls()[1]!.pipeline).toEqual({ rm3Fallback: true, edits: { rewrite: 'antiplatelet therapy' } });
    await waitFor(() => expect(within(panel).getByText('keyword rewrite: 7 hits')).toBeTruthy());

    fireEvent.click(within(panel).getByRole('button', { name: 'Edit RM3 feedback expansion' }));
    const rm3 = within(panel).getByRole('form', { name: 'Edit RM3 feedback expansion' });
    const terms = within(rm3).getByLabelText(/RM3 terms and weights/);
    expect((terms as HTMLTextAreaElement).value).toBe('aspirin 0.600, platelet 0.400');
    fireEvent.change(terms, { target: { value: 'aspirin 0' } });
    fireEvent.submit(rm3);
    expect(within(rm3).getByRole('alert').textContent).toBe('The weight of “aspirin” must be above 0.');
    expect(deepCalls().length).toBe(2);
    fireEvent.change(terms, { target: { value: 'aspirin 0.5, clopidogrel 0.5' } });
    await act(async () => { fireEvent.submit(rm3); });
    await waitFor(() => expect(deepCalls().length).toBe(3));
    expect(deepCalls()[2]!.pipeline?.edits).toEqual({ rewrite: 'antiplatelet therapy', rm3: [{ term: 'aspirin', weight: 0.5 }, { term: 'clopidogrel', weight: 0.5 }] });
    await waitFor(() => expect(within(panel).getByText('aspirin 0.500, clopidogrel 0.500')).toBeTruthy());
  });
});
