import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OcrHighlight } from './OcrHighlight.js';
import { ocrBoxes } from './ocrBoxes.js';

describe('OcrHighlight', () => {
  it('places one rectangle per line of the quote, in percent of the page', () => {
    const ocr = { confidence: 88, width: 1000, height: 2000, words: [['Aspirin', 100, 200, 300, 240, 90], ['lowered', 320, 200, 500, 240, 91], ['risk', 100, 300, 180, 340, 85]] as [string, number, number, number, number, number][] };
    render(<OcrHighlight boxes={ocrBoxes(ocr, 'aspirin lowered risk')} label="Quoted passage on page 1" />);
    const layer = screen.getByRole('img', { name: 'Quoted passage on page 1' });
    const hits = [...layer.querySelectorAll<HTMLElement>('.viewer-ocr-hit')];
    expect(hits.map((h) => [h.style.left, h.style.top, h.style.width, h.style.height])).toEqual([['10%', '10%', '40%', '2%'], ['10%', '15%', '8%', '2%']]);
  });

  it('renders nothing when the quote is not on the page', () => {
    const { container } = render(<OcrHighlight boxes={[]} label="none" />);
    expect(container.innerHTML).toBe('');
  });
});
