/** Evidence from OCR text is marked as such on its card and among a paper's other passages, with its mean confidence. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NavContext, type Nav } from '../app/nav.js';
import { fakeApi } from '../test/fakeApi.js';
import { SearchScreen } from './SearchScreen.js';
import { response, result, trace } from './testFixtures.js';

describe('OCR evidence', () => {
  it('says "OCR text, N% confidence" on passages read by OCR and opens them at their page', async () => {
    const scannedMore = result(3, { docId: 1, page: 2, pageLabel: '2', ocrConfidence: 77.2, trace: trace({ passageRank: 2 }) });
    const scanned = result(1, { docId: 1, ocrConfidence: 90.6, group: { passages: 2, score: 1, more: [scannedMore] } });
    const born = result(2, { docId: 2 });
    const f = fakeApi({ history: async () => [], search: async () => response([scanned, born]), cancelSearch: async () => true });
    window.delve = f.api;
    const openDocument = vi.fn();
    const nav: Nav = { screen: 'search', go: vi.fn(), openDocument, closeDocument: vi.fn(), viewer: null };
    render(<NavContext.Provider value={nav}><SearchScreen /></NavContext.Provider>);
    const box = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(box, { target: { value: 'aspirin' } });
    fireEvent.submit(box.closest('form')!);
    const cards = await screen.findAllByTestId('evidence-card');
    expect(within(cards[0]!).getByText('OCR text, 91% confidence')).toBeTruthy();
    expect(within(cards[1]!).queryByText(/OCR text/)).toBeNull();
    fireEvent.click(within(cards[0]!).getByRole('button', { name: /more passage/ }));
    expect(within(cards[0]!).getByRole('list', { name: /More passages/ }).textContent).toContain('OCR text, 77% confidence');
    fireEvent.click(within(cards[0]!).getAllByRole('button', { name: /^Open/ })[0]!);
    expect(openDocument).toHaveBeenCalledWith(expect.objectContaining({ docId: 1, page: 4, highlight: scanned.snippetText }));
  });
});
