/** Results by paper on the Search screen: other passages, the title block, deep results grouped, Load more, the compact list. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SearchOpts } from '../api.js';
import { NavContext, type Nav } from '../app/nav.js';
import { fakeApi } from '../test/fakeApi.js';
import { groupResults } from './group.js';
import { SearchScreen } from './SearchScreen.js';
import type { Result } from './scores.js';
import { response, result, trace } from './testFixtures.js';

const passage = (chunkId: number, docId: number, r: Partial<Result> = {}) => result(chunkId, { docId, title: `Paper ${docId}`, path: `/p/${docId}.pdf`, ...r });

function setup(search: (q: string, o?: SearchOpts) => unknown) {
  const f = fakeApi({ history: async () => [], search, cancelSearch: async () => true });
  window.delve = f.api;
  const openDocument = vi.fn();
  const nav: Nav = { screen: 'search', go: vi.fn(), openDocument, closeDocument: vi.fn(), viewer: null };
  render(<NavContext.Provider value={nav}><SearchScreen /></NavContext.Provider>);
  return { f, openDocument, calls: (n: string) => f.calls.filter((c) => c.name === n) };
}

async function searchFor(text: string) {
  const box = screen.getByRole('searchbox', { name: 'Search' });
  fireEvent.change(box, { target: { value: text } });
  fireEvent.submit(box.closest('form')!);
}

describe('results by paper', () => {
  it('groups deep rankings by document, best passage first, keeping each passage\'s rank', () => {
    const g = groupResults([passage(1, 7), passage(2, 8), passage(3, 7, { rank: 3 }), passage(4, 7)]);
    expect(g.map((r) => [r.docId, r.chunkId, r.group?.passages])).toEqual([[7, 1, 3], [8, 2, 1]]);
    expect(g[0]!.group!.more.map((m) => [m.chunkId, m.rank])).toEqual([[3, 3], [4, 4]]);
    const already = [passage(1, 7, { group: { passages: 2, score: 1, more: [] } })];
    expect(groupResults(already)[0]).toBe(already[0]);
  });

  it('shows one card per paper with "+N more passages", opens another passage, and marks a title block', async () => {
    const other = passage(12, 1, { page: 6, pageLabel: '6', trace: trace({ passageRank: 4 }) });
    const front = passage(11, 1, { page: 1, pageLabel: '1', trace: trace({ frontMatter: true, passageRank: 1 }) });
    const paper = passage(10, 1, { group: { passages: 4, score: 0.9, more: [front, other] }, trace: trace({ passageRank: 2 }) });
    const titleOnly = passage(20, 2, { trace: trace({ frontMatter: true }), group: { passages: 1, score: 0.5, more: [] } });
    const { openDocument } = setup(async () => response([paper, titleOnly]));
    await searchFor('heart failure');
    const cards = await screen.findAllByTestId('evidence-card');
    expect(cards).toHaveLength(2);
    expect(screen.getByText(/2 results for/)).toBeTruthy();
    const toggle = within(cards[0]!).getByRole('button', { name: '+3 more passages from this paper' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(cards[1]!).queryByRole('button', { name: /more passage/ })).toBeNull();
    expect(within(cards[1]!).getByText('Title and authors')).toBeTruthy();
    fireEvent.click(toggle);
    const list = within(cards[0]!).getByRole('list', { name: 'More passages from this paper' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[0]!).getByText('Title and authors')).toBeTruthy();
    expect(items[2]!.textContent).toContain('1 more further down');
    fireEvent.click(within(items[1]!).getByRole('button', { name: 'Open' }));
    expect(openDocument).toHaveBeenCalledWith({ docId: 1, page: 6, highlight: other.snippetText, query: 'heart failure' });
    fireEvent.click(within(cards[0]!).getByRole('button', { name: 'Hide the other passages' }));
    expect(within(cards[0]!).queryByRole('list', { name: 'More passages from this paper' })).toBeNull();
    // m on a focused card shows them too
    cards[0]!.focus();
    fireEvent.keyDown(cards[0]!, { key: 'm' });
    expect(within(cards[0]!).getByRole('list', { name: 'More passages from this paper' })).toBeTruthy();
  });

  it('loads more papers while the last answer was full, and offers a compact list', async () => {
    const page = (n: number) => Array.from({ length: n }, (_, i) => passage(i + 1, i + 1));
    const { calls } = setup(async (_q, o) => response(page(o!.k === 20 ? 20 : 27)));
    await searchFor('aspirin');
    await waitFor(() => expect(screen.getAllByTestId('evidence-card')).toHaveLength(20));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByTestId('evidence-card')).toHaveLength(27));
    expect(calls('search')[1]!.args).toEqual(['aspirin', { k: 40, groupBy: 'document', history: false }]);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    const list = screen.getByRole('list', { name: '27 results' });
    expect(list.classList.contains('compact')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Compact list' }));
    expect(list.classList.contains('compact')).toBe(true);
    expect(screen.getByRole('button', { name: 'Compact list' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Cards' }));
    expect(list.classList.contains('compact')).toBe(false);
  });
});

describe('search box operators', () => {
  it('says how the query was understood and what could not be honoured', async () => {
    setup(async () => response([passage(1, 1)], { operators: { applied: ['must contain “heart failure”', 'author: Tully'], notes: ['“foo:” is not a filter'] } }));
    await searchFor('"heart failure" author:Tully foo:bar');
    const box = await screen.findByLabelText('How the search was understood');
    expect(box.textContent).toContain('Searched: must contain “heart failure” · author: Tully');
    expect(within(box).getByText('Not honoured: “foo:” is not a filter')).toBeTruthy();
  });

  it('shows nothing for plain text', async () => {
    setup(async () => response([passage(1, 1)]));
    await searchFor('heart failure');
    await screen.findAllByTestId('evidence-card');
    expect(screen.queryByLabelText('How the search was understood')).toBeNull();
  });
});
