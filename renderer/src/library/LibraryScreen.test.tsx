import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { IndexSummary, LibraryRoot, StatusReport } from '../api.js';
import { NavContext, type Nav } from '../app/nav.js';
import { fakeApi } from '../test/fakeApi.js';
import { LibraryScreen } from './LibraryScreen.js';

const root: LibraryRoot = { path: '/papers', documents: 3, pages: 40, chunks: 120, errors: 1, addedAt: 1 };
const report: StatusReport = {
  documents: [
    { id: 1, path: '/papers/aspirin.pdf', kind: 'pdf', title: 'Aspirin and stroke', pages: 12, chunks: 30, status: 'ok', code: null, message: null },
    { id: 2, path: '/papers/notes/reading.md', kind: 'note', title: null, pages: 1, chunks: 2, status: 'ok', code: null, message: null },
    { id: 3, path: '/papers/locked.pdf', kind: 'pdf', title: null, pages: 0, chunks: 0, status: 'error', code: 'PDF_ENCRYPTED', message: 'the PDF is password-protected' },
  ],
  totals: { documents: 3, pdfs: 2, notes: 1, pubmed: 0, pages: 13, chunks: 32, errors: 1, needsOcrPages: 0, staleChunking: 0, dbBytes: 1 },
};
const summary: IndexSummary = {
  documents: 3, pages: 13, chunks: 32, rechunked: 0, ms: 2500,
  changes: { added: 2, updated: 0, unchanged: 1, moved: 0, removed: 0 },
  skipped: [{ path: '/papers/locked.pdf', code: 'PDF_ENCRYPTED', message: 'the PDF is password-protected' }],
  warnings: [{ path: '/papers/old.txt', code: 'ENCODING_FALLBACK', message: 'decoded as latin-1' } as never],
  needsOcr: [{ path: '/papers/scan.pdf', pages: [1, 2, 3, 7] }],
};

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

function setup(impl: Parameters<typeof fakeApi>[0] = {}) {
  const f = fakeApi({ roots: async () => [root], status: async () => report, pickFolders: async () => ['/papers'], cancelIndex: async () => true, ...impl });
  window.delve = f.api;
  const openDocument = vi.fn();
  const nav: Nav = { screen: 'library', go: vi.fn(), openDocument, closeDocument: vi.fn(), viewer: null };
  render(<NavContext.Provider value={nav}><LibraryScreen /></NavContext.Provider>);
  const count = (name: string) => f.calls.filter((c) => c.name === name).length;
  return { f, openDocument, count };
}

describe('LibraryScreen', () => {
  it('lists folders and removes one after an inline confirmation', async () => {
    const { f, count } = setup({ removeRoot: async () => ({ documents: 3 }) });
    expect(await screen.findByText('/papers')).toBeTruthy();
    expect(screen.getByText(/3 documents · 40 pages · 120 chunks/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove /papers' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove folder' }));
    await screen.findByText(/Removed \/papers \(3 documents\)/);
    expect(f.calls.find((c) => c.name === 'removeRoot')?.args).toEqual(['/papers']);
    await waitFor(() => expect(count('roots')).toBe(2));
  });

  it('shows live progress, then the summary with errors, warnings and needs-OCR pages', async () => {
    const run = deferred<IndexSummary>();
    const { f, count } = setup({ index: () => run.promise });
    await screen.findByText('/papers');
    fireEvent.click(screen.getByRole('button', { name: 'Add folder' }));
    await screen.findByText('Starting…');
    act(() => f.emit('index:progress', { phase: 'parse', done: 3, total: 10, currentPath: '/papers/aspirin.pdf', pagesPerSec: 12, etaMs: 90_000 }));
    expect(screen.getByText('Reading 3/10 · 12 pages/s · about 2 min left')).toBeTruthy();
    expect(screen.getByText('aspirin.pdf')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('30');
    expect(f.calls.find((c) => c.name === 'index')?.args).toEqual([['/papers']]);
    await act(async () => run.resolve(summary));
    expect(screen.getByText(/2 added, 0 updated, 1 unchanged, 0 removed/)).toBeTruthy();
    const failed = screen.getByRole('list', { name: 'Files not indexed' });
    expect(within(failed).getByText('PDF_ENCRYPTED')).toBeTruthy();
    expect(within(failed).getByText('locked.pdf')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Warnings' })).getByText('ENCODING_FALLBACK')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Needs OCR' })).getByText('pages 1–3, 7')).toBeTruthy();
    await waitFor(() => expect(count('status')).toBe(2));
  });

  it('while another Delve process writes the library: says whom it waits for, then goes on with the progress', async () => {
    const run = deferred<IndexSummary>();
    const { f } = setup({ index: () => run.promise });
    await screen.findByText('/papers');
    fireEvent.click(screen.getByRole('button', { name: 'Add folder' }));
    await screen.findByText('Starting…');
    const since = new Date(2026, 11, 7, 15, 30).getTime();
    act(() => f.emit('index:waiting', { pid: 4242, host: 'lab-pc', job: 'indexing', startedAt: since, message: `another Delve process is indexing this library (pid 4242, started ${new Date(since).toISOString()})` }));
    const panel = screen.getByRole('region', { name: 'Indexing progress' });
    expect(within(panel).getByRole('status').textContent).toBe('Waiting for another Delve process');
    expect(panel.textContent).toContain('Another Delve process (pid 4242) has been indexing this library since 2026-12-07 15:30.');
    expect(panel.textContent).toContain('Cancel stops waiting');
    act(() => f.emit('index:progress', { phase: 'parse', done: 1, total: 10, currentPath: '/papers/aspirin.pdf', pagesPerSec: 0, etaMs: null }));
    expect(within(panel).getByRole('status').textContent).toBe('Reading 1/10');
    expect(panel.textContent).not.toContain('Another Delve process');
    await act(async () => run.resolve(summary));
  });

  it('pauses, then resumes the same folders', async () => {
    const first = deferred<IndexSummary>();
    let runs = 0;
    const { f } = setup({ index: () => (++runs === 1 ? first.promise : Promise.resolve(summary)) });
    await screen.findByText('/papers');
    fireEvent.click(screen.getByRole('button', { name: 'Add folder' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(f.calls.some((c) => c.name === 'cancelIndex')).toBe(true));
    await act(async () => first.reject(Object.assign(new Error('cancelled'), { code: 'CANCELLED' })));
    expect(screen.getByText('Paused — Resume continues where it stopped')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await screen.findByText(/2 added/);
    expect(f.calls.filter((c) => c.name === 'index').map((c) => c.args)).toEqual([[['/papers']], [['/papers']]]);
  });

  it('treats a cancelled run as cancelled, not as an error', async () => {
    const run = deferred<IndexSummary>();
    const { f } = setup({ index: () => run.promise });
    await screen.findByText('/papers');
    fireEvent.click(screen.getByRole('button', { name: 'Add folder' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel indexing' }));
    await waitFor(() => expect(f.calls.some((c) => c.name === 'cancelIndex')).toBe(true));
    await act(async () => run.reject(Object.assign(new Error('cancelled'), { code: 'CANCELLED' })));
    expect(screen.getByText('Indexing cancelled')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a failed run with its code', async () => {
    setup({ index: async () => { throw Object.assign(new Error('the disk is full'), { code: 'DISK_FULL' }); } });
    await screen.findByText('/papers');
    fireEvent.click(screen.getByRole('button', { name: 'Add folder' }));
    expect((await screen.findByRole('alert')).textContent).toContain('DISK_FULL');
  });

  it('indexes dropped files', async () => {
    const { f } = setup({ indexDropped: async () => summary });
    await screen.findByText('/papers');
    const file = new File(['x'], 'dropped.pdf');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    const zone = screen.getByText('Library').closest('.library') as HTMLElement;
    fireEvent.dragEnter(zone, { dataTransfer });
    expect(screen.getByText('Drop to index these folders and files')).toBeTruthy();
    fireEvent.drop(zone, { dataTransfer });
    await screen.findByText(/2 added/);
    expect(f.calls.find((c) => c.name === 'indexDropped')?.args).toEqual([[file]]);
  });

  it('filters documents and opens one on click or Enter', async () => {
    const { openDocument } = setup();
    await screen.findByText('Aspirin and stroke');
    expect(screen.getByText('3 of 3 documents')).toBeTruthy();
    expect(screen.getAllByText('PDF_ENCRYPTED').length).toBeGreaterThan(0);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter documents' }), { target: { value: 'notes' } });
    expect(screen.getByText('1 of 3 documents')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('row', { name: 'Open reading.md' }), { key: 'Enter' });
    expect(openDocument).toHaveBeenCalledWith({ docId: 2, page: null });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter documents' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'error' } });
    expect(screen.getByText('1 of 3 documents')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'all' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'pdf' } });
    expect(screen.getByText('2 of 3 documents')).toBeTruthy();
    fireEvent.click(screen.getByRole('row', { name: 'Open Aspirin and stroke' }));
    expect(openDocument).toHaveBeenLastCalledWith({ docId: 1, page: null });
  });

  it('imports a .bib file from the header and reloads the folders and documents', async () => {
    const imported = { file: '/refs/r.bib', format: 'bibtex' as const, entries: 2, records: 2, merged: 0, added: 2, updated: 0, unchanged: 0, removed: 0,
      files: { attached: 0, indexed: 0, parsed: 0, labelled: 0 }, skipped: [], errors: [], ms: 300 };
    const { count } = setup({ pickReferenceFile: async () => '/refs/r.bib', importReferences: async () => imported });
    await screen.findByText('/papers');
    fireEvent.click(screen.getByRole('button', { name: 'Import references (.bib, .ris)…' }));
    await screen.findByText(/2 entries → 2 records \(2 added/);
    await waitFor(() => expect([count('roots'), count('status')]).toEqual([2, 2]));
  });
});
