import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentDetail } from '../api.js';
import type { ViewerTarget } from '../app/nav.js';
import { fakeApi } from '../test/fakeApi.js';
import { DocumentViewer } from './DocumentViewer.js';

vi.mock('./pdfjs.js', () => ({
  openPdf: () => ({ promise: Promise.reject(new Error('Invalid PDF structure.')), destroy: async () => undefined }),
  isCancelled: () => false,
}));

const detail = (over: Partial<DocumentDetail>): DocumentDetail => ({
  id: 7, path: '/papers/trial.pdf', kind: 'pdf', size: 1000, status: 'ok', code: null, message: null, chunks: 3,
  title: 'A trial of aspirin', authors: ['Ada Lovelace'], year: 2019, doi: '10.1000/182', journal: 'BMJ',
  sources: { title: 'pdf-info', authors: 'pdf-text', year: 'pdf-text', doi: 'pdf-text', journal: 'pdf-info' },
  pages: [
    { page: 1, label: 'i', text: 'Front matter. Aspirin was given daily.' },
    { page: 2, label: '1', text: 'Results: aspirin reduced the risk\nof stroke by a fifth in older adults.' },
  ],
  ...over,
});

function show(d: DocumentDetail, target: Partial<ViewerTarget> = {}, impl: Parameters<typeof fakeApi>[0] = {}) {
  const f = fakeApi({ document: async () => d, openExternal: async () => true, ...impl });
  window.delve = f.api;
  const onClose = vi.fn();
  const view = render(<DocumentViewer target={{ docId: d.id, page: null, ...target }} onClose={onClose} />);
  return { f, onClose, view };
}

describe('DocumentViewer', () => {
  it('shows the details with their sources and sends only the edited fields', async () => {
    const saved = detail({ title: 'Aspirin in older adults', authors: ['Ada Lovelace', 'Alan Turing'], sources: { ...detail({}).sources, title: 'user', authors: 'user' } });
    const { f } = show(detail({}), {}, { updateMetadata: async () => saved, documentBytes: async () => new Uint8Array([1]) });
    expect(await screen.findByRole('heading', { name: /A trial of aspirin/ })).toBeTruthy();
    expect(screen.getByText('from PDF info', { selector: '.viewer-title .viewer-source' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open DOI 10.1000/182' }));
    await waitFor(() => expect(f.calls.find((c) => c.name === 'openExternal')?.args).toEqual(['https://doi.org/10.1000/182']));
    fireEvent.click(screen.getByRole('button', { name: 'Edit details' }));
    const form = screen.getByRole('form', { name: 'Edit details' });
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Aspirin in older adults' } });
    fireEvent.change(within(form).getByLabelText('Authors'), { target: { value: 'Ada Lovelace; Alan Turing' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save details' }));
    await screen.findByRole('heading', { name: /Aspirin in older adults/ });
    expect(f.calls.find((c) => c.name === 'updateMetadata')?.args).toEqual([7, { title: 'Aspirin in older adults', authors: ['Ada Lovelace', 'Alan Turing'] }]);
    expect(screen.getAllByText('edited by you').length).toBe(2);
  });

  it('refuses a bad year without calling the app', async () => {
    const { f } = show(detail({}), {}, { documentBytes: async () => new Uint8Array([1]) });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit details' }));
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '19' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save details' }));
    expect((await screen.findByRole('alert')).textContent).toContain('four digits');
    expect(f.calls.some((c) => c.name === 'updateMetadata')).toBe(false);
  });

  it('falls back to the extracted text, with the quote marked, when pdf.js cannot read the PDF', async () => {
    show(detail({}), { page: 2, highlight: 'aspirin reduced the risk of stroke by a fifth' }, { documentBytes: async () => new Uint8Array([37, 80, 68, 70]) });
    expect((await screen.findByText(/The PDF could not be displayed \(Invalid PDF structure\.\)/)).getAttribute('role')).toBe('status');
    expect(screen.getByRole('heading', { name: 'p. 1 (PDF page 2)' })).toBeTruthy();
    const marks = document.querySelectorAll('mark');
    expect(Array.from(marks).map((m) => m.textContent)).toEqual(['aspirin reduced the risk\nof stroke by a fifth']);
    expect(marks[0]?.closest('[data-page-number]')?.getAttribute('data-page-number')).toBe('2');
  });

  it('falls back to the text when the PDF bytes cannot be read', async () => {
    show(detail({}), {}, { documentBytes: async () => { throw Object.assign(new Error('gone'), { code: 'FILE_VANISHED' }); } });
    expect(await screen.findByText(/could not be displayed \(gone\)/)).toBeTruthy();
    expect(screen.getByText(/Front matter\. Aspirin was given daily\./)).toBeTruthy();
  });

  it('renders raw HTML in a Markdown note as text and creates no img or script element', async () => {
    const text = '# Reading notes\n\nHello <img src=x onerror=alert(1)> world ![a chart](chart.png)\n\n<script>alert(1)</script>\n\nThe quick brown fox jumps over the lazy dog.';
    const { view } = show(detail({ kind: 'note', path: '/notes/reading.md', doi: null, pages: [{ page: 1, label: null, text }] }), { highlight: 'quick brown fox jumps over' });
    await screen.findByRole('heading', { name: 'Reading notes' });
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.querySelector('script')).toBeNull();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)>/)).toBeTruthy();
    expect(screen.getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(screen.getByText('[image: a chart]')).toBeTruthy();
    expect(Array.from(view.container.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['quick brown fox jumps over']);
  });

  it('opens allowed links through openExternal and only explains others', async () => {
    const text = '[PubMed](https://pubmed.ncbi.nlm.nih.gov/1/) [Evil](https://evil.example/) [Local](file:///etc/passwd)';
    const { f } = show(detail({ kind: 'note', path: '/notes/links.md', pages: [{ page: 1, label: null, text }] }), {}, {
      openExternal: async (url: string) => { if (!url.startsWith('https://pubmed')) throw Object.assign(new Error('no'), { code: 'FORBIDDEN' }); return true; },
    });
    fireEvent.click(await screen.findByRole('link', { name: 'PubMed' }));
    await waitFor(() => expect(f.calls.filter((c) => c.name === 'openExternal').map((c) => c.args[0])).toEqual(['https://pubmed.ncbi.nlm.nih.gov/1/']));
    fireEvent.click(screen.getByRole('link', { name: 'Evil' }));
    expect((await screen.findByRole('alert')).textContent).toContain('FORBIDDEN');
    fireEvent.click(screen.getByRole('link', { name: 'Local' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('cannot be opened'));
    expect(f.calls.filter((c) => c.name === 'openExternal')).toHaveLength(2);
  });

  it('shows a PubMed record with its abstract and a PubMed link; Escape and Close close', async () => {
    const { f, onClose } = show(detail({ kind: 'pubmed', path: 'pubmed:31234567', doi: null, pages: [{ page: 1, label: null, text: 'Background: statins lower LDL.' }] }));
    expect(await screen.findByText('Background: statins lower LDL.')).toBeTruthy();
    expect(screen.getByTestId('document-viewer').getAttribute('aria-label')).toBe('Document viewer');
    fireEvent.click(screen.getByRole('button', { name: 'View on PubMed' }));
    await waitFor(() => expect(f.calls.find((c) => c.name === 'openExternal')?.args).toEqual(['https://pubmed.ncbi.nlm.nih.gov/31234567/']));
    act(() => { fireEvent.keyDown(window, { key: 'Escape' }); });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('keeps Tab inside the dialog', async () => {
    show(detail({ kind: 'pubmed', path: 'pubmed:1', doi: null, pages: [{ page: 1, label: null, text: 'Abstract.' }] }));
    await screen.findByText('Abstract.');
    const pages = screen.getByRole('region', { name: 'Document text' });
    expect(pages.tabIndex).toBe(0);
    pages.focus();
    fireEvent.keyDown(pages, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'View on PubMed' }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(pages);
  });

  it('finds in the document with Ctrl+F: a count, Enter and Shift+Enter, Escape closes only the find bar', async () => {
    const text = 'Aspirin first. Then aspirin again, and ASPIRIN a third time; aspirinate is not a word start miss.';
    const { onClose } = show(detail({ kind: 'pubmed', path: 'pubmed:2', doi: null, pages: [{ page: 1, label: null, text }] }));
    await screen.findByText(/Aspirin first/);
    const dialog = screen.getByTestId('document-viewer');
    fireEvent.keyDown(dialog, { key: 'f', ctrlKey: true });
    const box = screen.getByRole('searchbox', { name: 'Find in document' });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: 'aspirin' } });
    const count = () => within(screen.getByRole('search', { name: 'Find in document' })).getByRole('status').textContent;
    await waitFor(() => expect(count()).toBe('1 of 4'));
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(count()).toBe('2 of 4');
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(count()).toBe('4 of 4');
    fireEvent.change(box, { target: { value: 'zebra' } });
    await waitFor(() => expect(count()).toBe('No matches'));
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('search', { name: 'Find in document' })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('steps through the search query’s words with n and p, not while typing', async () => {
    const text = 'Stroke risk fell. Aspirin users had fewer strokes; aspirin is cheap.';
    show(detail({ kind: 'pubmed', path: 'pubmed:3', doi: null, pages: [{ page: 1, label: null, text }] }), { query: 'aspirin and strokes author:Tully' });
    await screen.findByText(/Stroke risk fell/);
    const dialog = screen.getByTestId('document-viewer');
    fireEvent.keyDown(dialog, { key: 'n' });
    const bar = screen.getByRole('search', { name: 'Query matches' });
    expect(bar.textContent).toContain('Matches of the search “aspirin, stroke”');
    await waitFor(() => expect(within(bar).getByRole('status').textContent).toBe('1 of 4'));
    fireEvent.keyDown(dialog, { key: 'n' });
    expect(within(bar).getByRole('status').textContent).toBe('2 of 4');
    fireEvent.keyDown(dialog, { key: 'p' });
    fireEvent.keyDown(dialog, { key: 'p' });
    expect(within(bar).getByRole('status').textContent).toBe('4 of 4');
    fireEvent.keyDown(dialog, { key: 'f', ctrlKey: true });
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Find in document' }), { key: 'n' });
    expect(screen.queryByRole('search', { name: 'Query matches' })).toBeNull();
  });

  it('shows an error when the document cannot be loaded', async () => {
    show(detail({}), {}, { document: async () => { throw Object.assign(new Error('no such document'), { code: 'NOT_FOUND' }); } });
    expect((await screen.findByRole('alert')).textContent).toContain('NOT_FOUND');
  });
});
