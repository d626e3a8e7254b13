/** Saving a selection made in the viewer: the exact words and the page they are on go to addEvidence. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentDetail } from '../api.js';
import { fakeApi } from '../test/fakeApi.js';
import { DocumentViewer } from './DocumentViewer.js';
import { viewerSelection } from './selection.js';

vi.mock('./pdfjs.js', () => ({
  openPdf: () => ({ promise: Promise.reject(new Error('Invalid PDF structure.')), destroy: async () => undefined }),
  isCancelled: () => false,
}));

const detail: DocumentDetail = {
  id: 7, path: '/papers/trial.pdf', kind: 'pdf', size: 1000, status: 'ok', code: null, message: null, chunks: 3,
  title: 'A trial of aspirin', authors: [], year: 2019, doi: null, journal: null,
  sources: { title: 'pdf-info', authors: 'pdf-text', year: 'pdf-text', doi: 'pdf-text', journal: 'pdf-info' },
  pages: [
    { page: 1, label: 'i', text: 'Front matter. Aspirin was given daily.' },
    { page: 2, label: '1', text: 'Results: aspirin reduced the risk\nof stroke by a fifth in older adults.' },
  ],
} as DocumentDetail;

function select(node: Node, start: number, end: number) {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

const textNode = (el: Element, includes: string): Text => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.includes(includes)) return n as Text;
  throw new Error(`no text node with "${includes}"`);
};

describe('saving a viewer selection', () => {
  it('reads the selected words and their page, and nothing outside the content', () => {
    const root = document.createElement('div');
    root.innerHTML = '<section data-page-number="3"><p>alpha beta\n  gamma</p></section>';
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(root, outside);
    select(textNode(root, 'alpha'), 6, 18);
    expect(viewerSelection(root, document.getSelection())).toEqual({ quote: 'beta gamma', page: 3 });
    select(outside.firstChild!, 0, 4);
    expect(viewerSelection(root, document.getSelection())).toBeNull();
    document.getSelection()!.removeAllRanges();
    expect(viewerSelection(root, document.getSelection())).toBeNull();
    root.remove();
    outside.remove();
  });

  it('offers "Save selection as evidence" and saves the words with their page', async () => {
    const f = fakeApi({
      document: async () => detail, documentBytes: async () => new Uint8Array([37, 80, 68, 70]),
      collections: async () => [{ id: 1, name: 'Stroke', description: '', evidence: 0, createdAt: 1 }],
      addEvidence: async () => ({ id: 1 }),
    });
    window.delve = f.api;
    render(<DocumentViewer target={{ docId: 7, page: 2 }} onClose={vi.fn()} />);
    const page2 = await screen.findByRole('region', { name: 'p. 1 (PDF page 2)' });
    expect(screen.queryByRole('button', { name: 'Save selection as evidence' })).toBeNull();
    const node = textNode(page2, 'aspirin reduced');
    const at = node.textContent!.indexOf('aspirin');
    select(node, at, at + 'aspirin reduced the risk'.length);
    fireEvent.mouseUp(page2);
    fireEvent.click(await screen.findByRole('button', { name: 'Save selection as evidence' }));
    const form = await screen.findByRole('form', { name: 'Save to collection' });
    await waitFor(() => expect((within(form).getByLabelText('Collection') as HTMLSelectElement).value).toBe('Stroke'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved to “Stroke”')).toBeTruthy();
    expect(f.calls.find((c) => c.name === 'addEvidence')!.args).toEqual([
      'Stroke', { docId: 7, page: 2, quote: 'aspirin reduced the risk' }, { query: null, stance: null, note: '', tags: [] },
    ]);
  });
});
