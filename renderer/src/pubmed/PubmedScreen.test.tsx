/** The PubMed screen end to end against a fake API: draft, use a candidate, check, search, import, errors. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CheckedCandidate } from '../api.js';
import { NavContext, type Nav } from '../app/nav.js';
import { fakeApi } from '../test/fakeApi.js';
import { PubmedScreen } from './PubmedScreen.js';
import { candidate, searchResult } from './testFixtures.js';

function renderScreen() {
  const nav: Nav = { screen: 'pubmed', go: vi.fn(), openDocument: vi.fn(), closeDocument: vi.fn(), viewer: null };
  render(<NavContext.Provider value={nav}><PubmedScreen /></NavContext.Provider>);
  return nav;
}

const validCheck = async () => ({ valid: true, normalized: 'x', errors: [], warnings: [] });

describe('PubmedScreen', () => {
  it('drafts candidates and shows counts, recall, clauses and MeSH checks', async () => {
    let answer!: (c: CheckedCandidate[]) => void;
    const f = fakeApi({ pubmedDraft: () => new Promise<CheckedCandidate[]>((r) => { answer = r; }), pubmedCheck: validCheck });
    window.delve = f.api;
    renderScreen();
    fireEvent.change(screen.getByLabelText('Review question'), { target: { value: 'P: adults\nI: autopsy' } });
    fireEvent.change(screen.getByLabelText('Known relevant PMIDs'), { target: { value: '111, 222 333\n444' } });
    fireEvent.change(screen.getByLabelText('Number of candidates'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Draft queries' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Drafting with the local LLM… 0 s/);
    expect(f.calls.find((c) => c.name === 'pubmedDraft')?.args).toEqual([{ question: 'P: adults\nI: autopsy', k: 3, seeds: ['111', '222', '333', '444'] }]);
    await act(async () => answer([candidate(), candidate({ rank: 2, query: 'x AND', searched: null, count: null, recall: null, seedsFound: [], seedsMissed: [], clauses: [], mesh: [], translation: null, errors: [{ offset: 2, message: 'AND needs a right operand' }] })]));

    const card = screen.getByRole('article', { name: 'Candidate 1' });
    expect(card.textContent).toContain('1,234');
    expect(card.textContent).toContain('3/4 known papers (75%)');
    expect(within(card).getByText(/Missed/).textContent).toContain('444');
    const tree = within(card).getByRole('list', { name: 'Clause counts' });
    expect(tree.textContent).toContain('98,765');
    const nested = within(tree).getAllByRole('list')[0]!;
    expect(nested.textContent).toContain('"thyroid cancer"[tiab]');
    expect(nested.textContent).toContain('90,000');
    const mesh = within(card).getByRole('list', { name: 'MeSH checks' });
    expect(mesh.textContent).toContain('✓ Thyroid Neoplasms — exists');
    expect(mesh.textContent).toMatch(/✗ Autopsies — does not exist; did you mean Autopsy\?/);
    expect(within(card).getByText("PubMed's translation")).toBeTruthy();

    const bad = screen.getByRole('article', { name: 'Candidate 2' });
    expect(within(bad).getByRole('list', { name: 'Errors in candidate 2' }).textContent).toContain('At character 3: AND needs a right operand');
  });

  it('shows Ollama unreachable in the app\'s wording, with Set up Ollama and no command line', async () => {
    window.delve = fakeApi({ pubmedDraft: async () => { throw Object.assign(new Error('nothing answers at http://127.0.0.1:11434 (ECONNREFUSED)'), { code: 'OLLAMA_UNREACHABLE' }); } }).api;
    renderScreen();
    fireEvent.change(screen.getByLabelText('Review question'), { target: { value: 'q' } });
    fireEvent.click(screen.getByRole('button', { name: 'Draft queries' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ollama is not reachable at http://127.0.0.1:11434.');
    expect(alert.textContent).toContain('Drafting PubMed queries from a question needs it.');
    expect(alert.textContent).not.toContain('ollama serve');
    expect(within(alert).getByRole('button', { name: 'Set up Ollama' })).toBeTruthy();
  });

  it('refuses malformed PMIDs', () => {
    window.delve = fakeApi({}).api;
    renderScreen();
    fireEvent.change(screen.getByLabelText('Review question'), { target: { value: 'q' } });
    fireEvent.change(screen.getByLabelText('Known relevant PMIDs'), { target: { value: '123, abc' } });
    expect(screen.getByText('Not a PMID (digits only): abc')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Draft queries' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('uses a candidate, searches, opens library and PubMed links, imports', async () => {
    const f = fakeApi({
      pubmedDraft: async () => [candidate()], pubmedCheck: validCheck, pubmedSearch: async () => searchResult(),
      openExternal: async () => true,
      pubmedImport: async () => ({ imported: 1, updated: 0, missing: [], documents: [{ pmid: '555', docId: 42, title: 'Incidental' }] }),
    });
    window.delve = f.api;
    const nav = renderScreen();
    fireEvent.change(screen.getByLabelText('Review question'), { target: { value: 'q' } });
    fireEvent.change(screen.getByLabelText('Known relevant PMIDs'), { target: { value: '111 444' } });
    fireEvent.click(screen.getByRole('button', { name: 'Draft queries' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Use this query' }));
    const editor = screen.getByLabelText('PubMed query') as HTMLTextAreaElement;
    expect(editor.value).toBe(candidate().query);
    await screen.findByText('✓ Valid PubMed syntax');

    fireEvent.click(screen.getByRole('button', { name: 'Search PubMed' }));
    const results = await screen.findByRole('region', { name: 'PubMed results' });
    expect(f.calls.find((c) => c.name === 'pubmedSearch')?.args).toEqual([candidate().query, { seeds: ['111', '444'], retmax: 50 }]);
    expect(results.textContent).toContain('54,321 results in PubMed');
    expect(results.textContent).toContain('1/2 known papers (50%)');
    expect(results.textContent).toContain('Ada A, Bo B, Cy C et al.');

    fireEvent.click(within(results).getByRole('button', { name: 'In library: open PMID 111' }));
    expect(nav.openDocument).toHaveBeenCalledWith({ docId: 7, page: null });
    fireEvent.click(within(results).getByRole('button', { name: 'Open PMID 555 on PubMed' }));
    await waitFor(() => expect(f.calls.find((c) => c.name === 'openExternal')?.args).toEqual(['https://pubmed.ncbi.nlm.nih.gov/555/']));

    expect(within(results).queryByRole('button', { name: 'In library: open PMID 555' })).toBeNull();
    fireEvent.click(within(results).getByRole('checkbox', { name: 'Select PMID 555 for import' }));
    fireEvent.click(within(results).getByRole('button', { name: /Import selected/ }));
    expect((await within(results).findByRole('status')).textContent).toContain('Imported 1 · updated 0');
    expect(f.calls.find((c) => c.name === 'pubmedImport')?.args).toEqual([['555']]);
    fireEvent.click(within(results).getByRole('button', { name: 'In library: open PMID 555' }));
    expect(nav.openDocument).toHaveBeenLastCalledWith({ docId: 42, page: null });
  });

  it('suggests an API key when PubMed rate-limits', async () => {
    window.delve = fakeApi({ pubmedCheck: validCheck, pubmedSearch: async () => { throw Object.assign(new Error('429 from NCBI'), { code: 'PUBMED_RATE_LIMITED' }); } }).api;
    renderScreen();
    fireEvent.change(screen.getByLabelText('PubMed query'), { target: { value: 'autopsy[mh]' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search PubMed' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('PUBMED_RATE_LIMITED');
    expect(alert.textContent).toMatch(/API key in Settings/);
  });
});
