/** DOCX, web pages and EPUBs open at their locator: the passage's paragraph (a repeated passage is marked where the result was), its heading path, the EPUB chapter. */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentDetail } from '../api.js';
import type { ViewerTarget } from '../app/nav.js';
import { fakeApi } from '../test/fakeApi.js';
import { DocumentViewer } from './DocumentViewer.js';
import { paragraphStart } from './TextView.js';

const doc = (over: Partial<DocumentDetail>): DocumentDetail => ({
  id: 9, path: '/drafts/review.docx', kind: 'docx', size: 1000, status: 'ok', code: null, message: null, chunks: 2,
  title: 'Draft', authors: [], year: null, doi: null, journal: null, sources: {},
  pages: [{ page: 1, label: null, text: 'Intro paragraph.\n\nThe marker okapi passage.\n\nMiddle text.\n\nThe marker okapi passage.' }],
  ...over,
} as DocumentDetail);

/** The body's text before the mark. */
function before(mark: HTMLElement): string {
  let out = '';
  for (const n of Array.from(mark.parentNode!.childNodes)) {
    if (n === mark) return out;
    out += n.textContent ?? '';
  }
  throw new Error('the mark is not in its body');
}

function show(d: DocumentDetail, target: Partial<ViewerTarget>) {
  window.delve = fakeApi({ document: async () => d }).api;
  render(<DocumentViewer target={{ docId: d.id, page: null, ...target }} onClose={vi.fn()} />);
}

describe('opening a DOCX, web page or EPUB at its locator', () => {
  it('finds the n-th paragraph across chapters', () => {
    const pages = [{ page: 1, label: null, text: 'a\n\nb' }, { page: 2, label: null, text: 'c\n\n\nd' }];
    expect(paragraphStart(pages, 1)).toEqual({ page: 1, offset: 0 });
    expect(paragraphStart(pages, 2)).toEqual({ page: 1, offset: 3 });
    expect(paragraphStart(pages, 4)).toEqual({ page: 2, offset: 4 });
    expect(paragraphStart(pages, 5)).toBeNull();
  });

  it('marks a repeated passage in the paragraph the result came from, under its heading path', async () => {
    show(doc({}), { highlight: 'The marker okapi passage.', locator: { paragraph: 4 }, headingPath: ['Results', 'Okapi'] });
    const mark = await screen.findByText('The marker okapi passage', { selector: 'mark' });
    expect(before(mark)).toContain('Middle text.');
    expect(screen.getByTestId('viewer-locator').textContent).toBe('In Results › Okapi, paragraph 4');
  });

  it('without a locator marks the first occurrence', async () => {
    show(doc({}), { highlight: 'The marker okapi passage.' });
    const mark = await screen.findByText('The marker okapi passage', { selector: 'mark' });
    expect(before(mark)).toBe('Intro paragraph.\n\n');
  });

  it('opens an EPUB at the passage\'s chapter, chapters headed by their titles', async () => {
    const epub = doc({
      kind: 'epub', path: '/books/b.epub',
      pages: [{ page: 1, label: 'Beginnings', text: 'First chapter text.' }, { page: 2, label: 'Capybaras', text: 'Capybaras swim well.\n\nThey graze.' }],
    });
    show(epub, { page: 2, highlight: 'They graze.', locator: { chapter: 2, paragraph: 3 }, headingPath: ['Capybaras'] });
    const mark = await screen.findByText('They graze', { selector: 'mark' });
    const chapter = screen.getByRole('region', { name: 'Chapter 2' });
    expect(within(chapter).getByRole('heading').textContent).toBe('Chapter 2: Capybaras');
    expect(chapter.contains(mark)).toBe(true);
  });
});
