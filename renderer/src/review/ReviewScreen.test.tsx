import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CollectionInfo, EvidenceRow, EvidenceSort } from '../api.js';
import { NavContext, type Nav } from '../app/nav.js';
import { fakeApi } from '../test/fakeApi.js';
import { ReviewScreen } from './ReviewScreen.js';

const stroke: CollectionInfo = { id: 1, name: 'Stroke review', description: 'Antiplatelets after TIA', evidence: 2, createdAt: 1 };
const empty: CollectionInfo = { id: 2, name: 'Empty', description: '', evidence: 0, createdAt: 2 };

const row = (id: number, r: Partial<EvidenceRow>): EvidenceRow => ({
  id, collection: 'Stroke review', docId: 10 + id, chunkId: 100 + id, path: `/papers/p${id}.pdf`, title: `Paper ${id}`, authors: ['Smith J', 'Lee K', 'Ng A'],
  year: 2020 + id, doi: null, page: id * 3, pageLabel: String(id * 3), quote: `Quote ${id}`, charStart: null, charEnd: null, note: '', tags: [],
  stance: null, query: { text: 'aspirin stroke', mode: 'full' }, createdAt: Date.UTC(2026, 0, id), position: id, ...r,
});
const rows = [
  row(1, { stance: 'contradicts', tags: ['rct'], note: 'small trial' }),
  row(2, { stance: 'supports', docId: null, title: null, authors: ['Kim H'], tags: ['meta-analysis', 'rct'] }),
];

function fakeSort(sort: EvidenceSort, order: 'asc' | 'desc'): EvidenceRow[] {
  const key = (r: EvidenceRow) => (sort === 'page' ? r.page ?? 0 : sort === 'stance' ? ['supports', 'contradicts', 'background'].indexOf(r.stance ?? '') >>> 0 : sort === 'added' ? r.createdAt : r.title ?? r.path.split('/').pop()!);
  const out = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return order === 'desc' ? out.reverse() : out;
}

function setup(impl: Parameters<typeof fakeApi>[0] = {}, screenName: Nav['screen'] = 'review') {
  const f = fakeApi({
    collections: async () => [stroke, empty],
    evidence: async (_c: string, sort: EvidenceSort = 'document', order: 'asc' | 'desc' = 'asc') => fakeSort(sort, order),
    ...impl,
  });
  window.delve = f.api;
  const openDocument = vi.fn();
  const nav: Nav = { screen: screenName, go: vi.fn(), openDocument, closeDocument: vi.fn(), viewer: null };
  const view = render(<NavContext.Provider value={nav}><ReviewScreen /></NavContext.Provider>);
  const calls = (name: string) => f.calls.filter((c) => c.name === name);
  const show = (s: Nav['screen']) => view.rerender(<NavContext.Provider value={{ ...nav, screen: s }}><ReviewScreen /></NavContext.Provider>);
  return { f, openDocument, calls, show };
}

const docOrder = () => screen.getAllByTestId('evidence-row').map((r) => r.querySelector('.review-doc-title')!.textContent);

describe('ReviewScreen', () => {
  it('lists collections and shows the selected one’s evidence table', async () => {
    setup();
    const list = await screen.findByRole('navigation', { name: 'Collections' });
    expect(within(list).getByText('Stroke review')).toBeTruthy();
    expect(within(list).getByText('2 items')).toBeTruthy();
    expect(within(list).getByText('Antiplatelets after TIA')).toBeTruthy();
    await waitFor(() => expect(docOrder()).toEqual(['Paper 1', 'p2.pdf']));
    const first = screen.getAllByTestId('evidence-row')[0]!;
    expect(within(first).getByText('Smith J et al., 2021')).toBeTruthy();
    expect(within(first).getByText('contradicts')).toBeTruthy();
    expect(within(first).getByText('small trial')).toBeTruthy();
    expect(within(first).getByText('aspirin stroke')).toBeTruthy();
    expect(within(first).getByText('(deep)')).toBeTruthy();
    expect(screen.getByText('2 pieces of evidence')).toBeTruthy();
  });

  it('reloads the collections each time the screen is shown', async () => {
    const { calls, show } = setup({}, 'search');
    expect(calls('collections').length).toBe(0);
    show('review');
    await waitFor(() => expect(calls('collections').length).toBe(1));
    show('search');
    show('review');
    await waitFor(() => expect(calls('collections').length).toBe(2));
  });

  it('sorts by clicking headers, with aria-sort', async () => {
    const { calls } = setup();
    await waitFor(() => expect(docOrder()).toEqual(['Paper 1', 'p2.pdf']));
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    expect(header('Document').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Page').getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(header('Stance')).getByRole('button'));
    await waitFor(() => expect(docOrder()).toEqual(['p2.pdf', 'Paper 1']));
    expect(header('Stance').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Document').getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(header('Stance')).getByRole('button'));
    await waitFor(() => expect(docOrder()).toEqual(['Paper 1', 'p2.pdf']));
    expect(header('Stance').getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(header('Added')).getByRole('button'));
    fireEvent.click(within(header('Tags')).getByRole('button'));
    await waitFor(() => expect(calls('evidence').at(-1)!.args).toEqual(['Stroke review', 'tag', 'asc']));
    expect(calls('evidence').map((c) => c.args.slice(1))).toEqual([['document', 'asc'], ['stance', 'asc'], ['stance', 'desc'], ['added', 'desc'], ['tag', 'asc']]);
  });

  it('opens a row at its page with the quote, and not when the document left the library', async () => {
    const { openDocument } = setup();
    await waitFor(() => expect(docOrder().length).toBe(2));
    const [a, b] = screen.getAllByTestId('evidence-row');
    fireEvent.click(within(a!).getByRole('button', { name: 'Open' }));
    expect(openDocument).toHaveBeenCalledWith({ docId: 11, page: 3, highlight: 'Quote 1' });
    const gone = within(b!).getByRole('button', { name: 'Open' }) as HTMLButtonElement;
    expect(gone.disabled).toBe(true);
    expect(within(b!).getByText('not in the library')).toBeTruthy();
  });

  it('creates a collection and selects it', async () => {
    const made: unknown[][] = [];
    setup({ createCollection: async (...args: unknown[]) => { made.push(args); return { id: 3, name: 'Statins', description: 'LDL', evidence: 0, createdAt: 3 }; }, evidence: async () => [] });
    fireEvent.click(await screen.findByRole('button', { name: 'New collection' }));
    const form = screen.getByRole('form', { name: 'New collection' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: ' Statins ' } });
    fireEvent.change(within(form).getByLabelText('Description'), { target: { value: 'LDL' } });
    fireEvent.submit(form);
    expect(await screen.findByRole('heading', { name: 'Statins' })).toBeTruthy();
    expect(made).toEqual([['Statins', 'LDL']]);
    expect(screen.getByRole('button', { name: /Statins/ }).getAttribute('aria-current')).toBe('true');
    expect(await screen.findByText(/Nothing saved here yet/)).toBeTruthy();
  });

  it('exports through the save dialog and previews the export as text', async () => {
    const exported = '# Stroke review\n\n<script>alert(1)</script> <img src=x onerror=alert(1)>';
    const { calls } = setup({
      saveExport: async (_c: string, format: string) => (format === 'bib' ? null : `/home/me/stroke.${format}`),
      exportCollection: async () => exported,
    });
    await waitFor(() => expect(docOrder().length).toBe(2));
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    expect(await screen.findByText('Markdown saved to /home/me/stroke.md')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export BibTeX' }));
    await waitFor(() => expect(screen.queryByText(/saved to/)).toBeNull());
    await waitFor(() => expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('CSV saved to /home/me/stroke.csv')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export RIS' }));
    await waitFor(() => expect(calls('saveExport').map((c) => c.args)).toEqual([['Stroke review', 'md'], ['Stroke review', 'bib'], ['Stroke review', 'csv'], ['Stroke review', 'ris']]));
    fireEvent.change(screen.getByLabelText('Preview format'), { target: { value: 'ris' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const pre = await screen.findByLabelText('Export preview');
    expect(pre.tagName).toBe('PRE');
    expect(pre.textContent).toBe(exported);
    expect(pre.querySelector('script, img')).toBeNull();
    expect(calls('exportCollection').map((c) => c.args)).toEqual([['Stroke review', 'ris']]);
  });

  it('shows an engine error inline and an empty state without collections', async () => {
    setup({ collections: async () => [] });
    expect(await screen.findByText(/No collections yet/)).toBeTruthy();
    expect(screen.getByText(/Collections gather the passages/)).toBeTruthy();
    await act(async () => undefined);
  });

  it('renders markup in evidence as text', async () => {
    setup({ evidence: async () => [row(1, { quote: '<img src=x onerror=alert(1)>', note: '<script>alert(1)</script>', title: '<b>t</b>' })] });
    const r = await screen.findByTestId('evidence-row');
    expect(r.querySelector('img, script, b')).toBeNull();
    expect(r.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(r.textContent).toContain('<script>alert(1)</script>');
  });

  it('says why the evidence could not be loaded', async () => {
    setup({ evidence: async () => { throw { code: 'BAD_ARGUMENT', message: 'no collection "Stroke review"' }; } });
    expect((await screen.findByRole('alert')).textContent).toContain('BAD_ARGUMENT');
  });
});
