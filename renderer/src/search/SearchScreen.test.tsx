import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SearchOpts, SearchResponse } from '../api.js';
import { FOCUS_SEARCH_EVENT, NavContext, type Nav } from '../app/nav.js';
import { fakeApi } from '../test/fakeApi.js';
import { SearchScreen } from './SearchScreen.js';
import { response, result, trace } from './testFixtures.js';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

const fast = response([result(1), result(2), result(3)]);

function setup(impl: Parameters<typeof fakeApi>[0] = {}) {
  const f = fakeApi({ history: async () => [], search: async () => fast, cancelSearch: async () => true, ...impl });
  window.delve = f.api;
  const openDocument = vi.fn();
  const nav: Nav = { screen: 'search', go: vi.fn(), openDocument, closeDocument: vi.fn(), viewer: null };
  render(<NavContext.Provider value={nav}><SearchScreen /></NavContext.Provider>);
  const calls = (name: string) => f.calls.filter((c) => c.name === name);
  return { f, openDocument, calls };
}

async function searchFor(text: string, mode: 'Fast' | 'Deep' = 'Fast') {
  fireEvent.click(screen.getByRole('radio', { name: mode }));
  const box = screen.getByRole('searchbox', { name: 'Search' });
  fireEvent.change(box, { target: { value: text } });
  fireEvent.submit(box.closest('form')!);
}

const titles = () => screen.queryAllByTestId('evidence-card').map((c) => within(c).getByText(/^Paper \d+$/).textContent);

describe('SearchScreen', () => {
  it('focuses the box on mount and on the focus event', async () => {
    setup();
    const box = screen.getByRole('searchbox', { name: 'Search' });
    expect(box.id).toBe('search-input');
    expect(document.activeElement).toBe(box);
    box.blur();
    act(() => { window.dispatchEvent(new Event(FOCUS_SEARCH_EVENT)); });
    expect(document.activeElement).toBe(box);
    expect(await screen.findByText(/Searches you run appear here/)).toBeTruthy();
    expect(screen.getByText(/Search your library by meaning/)).toBeTruthy();
  });

  it('runs a fast search on Enter and shows evidence cards with timing', async () => {
    const { calls } = setup();
    await searchFor('aspirin stroke');
    await waitFor(() => expect(titles()).toEqual(['Paper 1', 'Paper 2', 'Paper 3']));
    expect(calls('search')[0]!.args).toEqual(['aspirin stroke', { k: 20, groupBy: 'document' }]);
    const list = screen.getByRole('list', { name: '3 results' });
    expect(list.getAttribute('data-first-results-ms')).toMatch(/^\d+$/);
    expect(screen.getByText(/3 results for “aspirin stroke”/).textContent).toContain('12 ms');
    const card = screen.getAllByTestId('evidence-card')[0]!;
    expect(within(card).getByText('Aspirin').tagName).toBe('MARK');
    expect(within(card).getByText('p. 4')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Deep search stages' })).toBeNull();
    await waitFor(() => expect(calls('history').length).toBe(2));
  });

  it('shows fast results first, then refines them from deep search events, then the final ranking', async () => {
    const deep = deferred<SearchResponse>();
    const { f, calls } = setup({ search: (_q: string, o?: SearchOpts) => (o?.mode === 'full' ? deep.promise : Promise.resolve(fast)) });
    await searchFor('aspirin', 'Deep');
    await waitFor(() => expect(titles()).toEqual(['Paper 1', 'Paper 2', 'Paper 3']));
    await waitFor(() => expect(calls('search').length).toBe(2));
    const [q, opts] = calls('search')[1]!.args as [string, SearchOpts];
    expect(q).toBe('aspirin');
    expect(opts).toMatchObject({ mode: 'full', k: 20 });
    const searchId = opts.searchId!;
    expect(searchId).toMatch(/^[0-9a-f-]{36}$/);

    act(() => {
      f.emit('search:event', { searchId, event: { type: 'stage', stage: { name: 'initial', ms: 8 } } });
      f.emit('search:event', { searchId: 'another', event: { type: 'results', stage: 'initial', results: [result(9)] } });
      f.emit('search:event', { searchId, event: { type: 'stage', stage: { name: 'expand', round: 1, text: 'aspirin\n\nAntiplatelet therapy reduces ischemic stroke.', ms: 900 } } });
      f.emit('search:event', { searchId, event: { type: 'results', stage: 'expand', results: [result(3), result(1)] } });
      f.emit('search:event', { searchId, event: { type: 'stage', stage: { name: 'rerank', done: 12, total: 30, ms: 400 } } });
    });
    expect(titles()).toEqual(['Paper 3', 'Paper 1']);
    const panel = screen.getByRole('region', { name: 'Deep search stages' });
    expect(within(panel).getByText('Initial retrieval')).toBeTruthy();
    expect(within(panel).getByText('Expansion round 1')).toBeTruthy();
    expect(within(panel).getByText('Antiplatelet therapy reduces ischemic stroke.')).toBeTruthy();
    expect(within(panel).getByText('judged 12/30')).toBeTruthy();
    expect(within(panel).getByText(/running · 400 ms/)).toBeTruthy();
    act(() => { f.emit('search:event', { searchId, event: { type: 'stage', stage: { name: 'rerank', done: 29, total: 30, ms: 800 } } }); });
    expect(within(panel).getByText('judged 29/30')).toBeTruthy();
    expect(within(panel).queryByText('judged 12/30')).toBeNull();

    const judged = result(1, { trace: trace({ llm: { score: 9, sampled: 9, expected: null, reason: 'Reports the stroke trial outcome.', parsed: true } }) });
    await act(async () => {
      deep.resolve(response([judged, result(2)], { mode: 'full', ms: 2400, status: null, stages: [{ name: 'initial', ms: 8 }, { name: 'rerank', done: 30, total: 30, ms: 1500 }] }));
    });
    expect(titles()).toEqual(['Paper 1', 'Paper 2']);
    expect(within(panel).getByText('Deep search done')).toBeTruthy();
    expect(within(panel).getByText('judged 30/30')).toBeTruthy();
    expect(within(panel).getByText('2,400 ms')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Stop deep search' })).toBeNull();
    expect(screen.getByText('Reports the stroke trial outcome.')).toBeTruthy();
  });

  it('stops a deep search and keeps the best ranking so far', async () => {
    const deep = deferred<SearchResponse>();
    const { f, calls } = setup({ search: (_q: string, o?: SearchOpts) => (o?.mode === 'full' ? deep.promise : Promise.resolve(fast)) });
    await searchFor('aspirin', 'Deep');
    const stopButton = await screen.findByRole('button', { name: 'Stop deep search' });
    const searchId = (calls('search')[1]!.args[1] as SearchOpts).searchId!;
    act(() => { f.emit('search:event', { searchId, event: { type: 'results', stage: 'retrieve', results: [result(2), result(3)] } }); });
    fireEvent.click(stopButton);
    await waitFor(() => expect(calls('cancelSearch').map((c) => c.args)).toEqual([[searchId]]));
    await act(async () => { deep.reject({ code: 'CANCELLED', message: 'the search was cancelled' }); });
    expect(screen.getByText(/^Stopped/)).toBeTruthy();
    expect(titles()).toEqual(['Paper 2', 'Paper 3']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says Ollama is not reachable as a notice with Set up Ollama, names the fallback, no command line', async () => {
    const status = { code: 'OLLAMA_UNREACHABLE' as const, message: 'nothing answers at http://127.0.0.1:11434 (ECONNREFUSED)', hint: 'start Ollama (ollama serve)' };
    setup({ search: async (_q: string, o?: SearchOpts) => (o?.mode === 'full' ? response([result(1)], { mode: 'full', status, stages: [{ name: 'initial', ms: 5 }] }) : fast) });
    await searchFor('aspirin', 'Deep');
    const notice = await screen.findByRole('status', { name: 'Ollama not reachable' });
    expect(notice.textContent).toContain('Ollama is not reachable at http://127.0.0.1:11434.');
    expect(notice.textContent).toContain('Fallback without the LLM: the fast (keyword and meaning) results.');
    expect(notice.textContent).not.toContain('ollama serve');
    expect(within(notice).getByRole('button', { name: 'Set up Ollama' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(titles()).toEqual(['Paper 1']);
  });

  it('shows an engine error inline and an empty state for no results', async () => {
    let fail = true;
    setup({ search: async () => { if (fail) throw { code: 'DB_BUSY', message: 'the library is busy' }; return response([]); } });
    await searchFor('aspirin');
    expect((await screen.findByRole('alert')).textContent).toContain('DB_BUSY');
    expect(screen.getByRole('list', { name: '0 results' }).hasAttribute('data-first-results-ms')).toBe(false);
    fail = false;
    await searchFor('nothing here');
    expect(await screen.findByText(/No passages match “nothing here”/)).toBeTruthy();
    expect(screen.getByRole('list', { name: '0 results' }).getAttribute('data-first-results-ms')).toMatch(/^\d+$/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains a result on demand, in plain words, its bars following the ranks they label', async () => {
    const judged = result(1, { trace: trace({ bm25Rank: 3, bm25Score: 8, denseScore: 0.25, llm: { score: 7, sampled: 7, expected: null, reason: 'ok', parsed: true }, rerank: { alpha: 0.5, fused: 0.6, pointwise: 0.65, listRank: null }, stages: { initial: 4, expanded: 2, final: 1 } }), score: 0.65 });
    const second = result(2, { trace: trace({ bm25Rank: 1, bm25Score: 10, proximityBonus: 0 }) });
    setup({ search: async () => response([judged, second]) });
    await searchFor('aspirin');
    const cards = await screen.findAllByTestId('evidence-card');
    expect(cards[0]!.textContent).not.toMatch(/BM25|bm25|chunk/);
    expect(screen.queryByTestId('why-this-result')).toBeNull();
    fireEvent.click(within(cards[0]!).getByRole('button', { name: 'Why this result?' }));
    fireEvent.click(within(cards[1]!).getByRole('button', { name: 'Why this result?' }));
    const [a, b] = screen.getAllByTestId('why-this-result');
    const rows = (el: HTMLElement) => [...el.querySelectorAll('[data-part]')].map((e) => [e.getAttribute('data-part'), e.getAttribute('data-rank'), e.getAttribute('data-value')]);
    expect(rows(a!)).toEqual([['bm25', '#3', '0.800'], ['dense', '#2', '0.250'], ['llm', '7/10', '0.700']]);
    expect(rows(b!)[0]).toEqual(['bm25', '#1', '1.000']);
    expect(a!.textContent).toContain('Keyword match');
    expect(a!.textContent).toContain('Meaning match');
    expect(a!.textContent).toContain('LLM judge');
    expect(a!.textContent).toContain('Place in each step: first search #4 → after expanding the search #2 → final #1.');
    expect(a!.textContent).toMatch(/words appear close together/);
  });

  it('moves between cards with the keyboard, opens with Enter and saves with s', async () => {
    const { openDocument } = setup({ collections: async () => [] });
    await searchFor('aspirin');
    await waitFor(() => expect(titles().length).toBe(3));
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search' }), { key: 'ArrowDown' });
    const cards = screen.getAllByTestId('evidence-card');
    expect(document.activeElement).toBe(cards[0]);
    fireEvent.keyDown(cards[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cards[1]);
    fireEvent.keyDown(cards[1]!, { key: 'j' });
    expect(document.activeElement).toBe(cards[2]);
    fireEvent.keyDown(cards[2]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cards[2]);
    fireEvent.keyDown(cards[2]!, { key: 'k' });
    expect(document.activeElement).toBe(cards[1]);
    expect(cards.map((c) => c.tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(cards[1]!, { key: 'Enter' });
    expect(openDocument).toHaveBeenCalledWith({ docId: 102, page: 4, highlight: 'Aspirin lowered the risk of stroke in passage 2.', query: 'aspirin' });
    fireEvent.keyDown(cards[1]!, { key: 's' });
    expect(within(cards[1]!).getByRole('form', { name: 'Save to collection' })).toBeTruthy();
  });

  it('keeps focus on the same result when the ranking is replaced', async () => {
    const deep = deferred<SearchResponse>();
    const { f, calls } = setup({ search: (_q: string, o?: SearchOpts) => (o?.mode === 'full' ? deep.promise : Promise.resolve(fast)) });
    await searchFor('aspirin', 'Deep');
    await waitFor(() => expect(calls('search').length).toBe(2));
    const second = screen.getAllByTestId('evidence-card')[1]!;
    second.focus();
    const searchId = (calls('search')[1]!.args[1] as SearchOpts).searchId!;
    act(() => { f.emit('search:event', { searchId, event: { type: 'results', stage: 'expand', results: [result(2), result(3), result(1)] } }); });
    expect(titles()).toEqual(['Paper 2', 'Paper 3', 'Paper 1']);
    expect(document.activeElement?.getAttribute('aria-labelledby')).toBe('search-card-2');
  });

  it('saves a card to a new collection with stance, note and tags', async () => {
    const created: string[] = [];
    const { calls } = setup({
      collections: async () => [{ id: 1, name: 'Stroke review', description: '', evidence: 2, createdAt: 1 }],
      createCollection: async (name: string) => { created.push(name); return { id: 2, name, description: '', evidence: 0, createdAt: 2 }; },
      addEvidence: async () => ({}),
    });
    await searchFor('aspirin stroke');
    await waitFor(() => expect(titles().length).toBe(3));
    const card = screen.getAllByTestId('evidence-card')[0]!;
    fireEvent.click(within(card).getByRole('button', { name: 'Save to collection' }));
    const form = within(card).getByRole('form', { name: 'Save to collection' });
    const collection = within(form).getByLabelText('Collection');
    await waitFor(() => expect((collection as HTMLSelectElement).value).toBe('Stroke review'));
    fireEvent.change(collection, { target: { value: '\u0000new' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'New collection name' }), { target: { value: 'Antiplatelets' } });
    fireEvent.change(within(form).getByLabelText('Stance'), { target: { value: 'supports' } });
    fireEvent.change(within(form).getByLabelText('Note'), { target: { value: ' key trial ' } });
    fireEvent.change(within(form).getByLabelText('Tags'), { target: { value: 'rct, stroke, rct' } });
    fireEvent.submit(form);
    expect(await within(card).findByText('Saved to “Antiplatelets”')).toBeTruthy();
    expect(created).toEqual(['Antiplatelets']);
    expect(calls('addEvidence')[0]!.args).toEqual([
      'Antiplatelets', { chunkId: 1 },
      { query: { text: 'aspirin stroke', mode: 'hybrid' }, stance: 'supports', note: 'key trial', tags: ['rct', 'stroke'] },
    ]);
    expect(document.activeElement).toBe(card);
  });

  it('re-runs a search from the history with its mode', async () => {
    const deep = deferred<SearchResponse>();
    const { calls } = setup({
      history: async () => [
        { id: 2, query: 'statins', mode: 'full', options: { mode: 'full', k: 20 }, results: 20, ms: 3000, at: 2 },
        { id: 1, query: 'statins', mode: 'hybrid', options: { k: 20 }, results: 20, ms: 10, at: 1 },
      ],
      search: (_q: string, o?: SearchOpts) => (o?.mode === 'full' ? deep.promise : Promise.resolve(fast)),
    });
    const nav = await screen.findByRole('navigation', { name: 'Search history' });
    const entries = await within(nav).findAllByRole('button'); // the nav shows "Loading…" until history() resolves
    expect(entries.length).toBe(1);
    fireEvent.click(entries[0]!);
    await waitFor(() => expect(calls('search').map((c) => c.args[0])).toEqual(['statins', 'statins']));
    expect((calls('search')[1]!.args[1] as SearchOpts).mode).toBe('full');
    expect((screen.getByRole('radio', { name: 'Deep' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('statins');
  });

  it('renders markup in result text as text', async () => {
    const evil = '<img src=x onerror=alert(1)> and <script>alert(1)</script>';
    setup({ search: async () => response([result(1, { title: '<b>Bold</b>', snippetText: evil, snippet: evil, marks: [[0, 4]], headingPath: ['<i>h</i>'] })]) });
    await searchFor('img');
    const card = await screen.findByTestId('evidence-card');
    expect(card.querySelector('img, script, b, i')).toBeNull();
    expect(card.textContent).toContain('<img src=x onerror=alert(1)> and <script>alert(1)</script>');
    expect(within(card).getByText('<img').tagName).toBe('MARK');
    expect(document.querySelector('img, script')).toBeNull();
  });
});
