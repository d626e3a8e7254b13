import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OcrTextLayer } from './OcrTextLayer.js';
import { viewerSelection } from './selection.js';

const ocr = { confidence: 88, width: 1000, height: 2000, words: [['Aspirin', 100, 200, 300, 240, 90], ['lowered', 320, 200, 500, 240, 91], ['risk', 100, 300, 180, 340, 85]] as [string, number, number, number, number, number][] };

describe('OcrTextLayer', () => {
  it('places each OCR word on its box, scaled to the drawn page, a line break after each line', () => {
    render(<div data-page-number="3"><OcrTextLayer ocr={ocr} width={500} height={1000} /></div>);
    const layer = screen.getByTestId('ocr-text-layer');
    const spans = [...layer.querySelectorAll('span')];
    expect(spans.map((s) => [s.textContent, s.style.left, s.style.top, s.style.fontSize])).toEqual([
      ['Aspirin ', '50px', '100px', '20px'], ['lowered ', '160px', '100px', '20px'], ['risk ', '50px', '150px', '20px'],
    ]);
    expect(layer.querySelectorAll('br')).toHaveLength(2);
    expect(spans[1]!.nextElementSibling?.tagName).toBe('BR');
  });

  it('a selection over the words reads as words, on the page they are on', () => {
    render(<div data-page-number="3"><OcrTextLayer ocr={ocr} width={500} height={1000} /></div>);
    const spans = [...screen.getByTestId('ocr-text-layer').querySelectorAll('span')];
    const range = document.createRange();
    range.setStart(spans[0]!.firstChild!, 0);
    range.setEnd(spans[2]!.firstChild!, 4);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    expect(viewerSelection(document.body, sel)).toEqual({ quote: 'Aspirin lowered risk', page: 3 });
  });
});
