import { describe, expect, it } from 'vitest';
import { findQuote } from './findQuote.js';
import { markHits } from './markHits.js';

function spans(texts: string[]): HTMLElement[] {
  return texts.map((t) => {
    const s = document.createElement('span');
    s.textContent = t;
    return s;
  });
}

describe('markHits', () => {
  it('marks whole spans and wraps the covered part of partial ones', () => {
    const texts = ['Intro text. In contrast, we', 'propose to incorporate ci-', 'tations into the model, while', 'end of line. More cita-', 'tion needed'];
    const els = spans(texts);
    const marked = markHits(els, findQuote(texts, 'in contrast we propose to incorporate citations into the model'));
    expect(marked.map((m) => m.textContent)).toEqual(['In contrast, we', 'propose to incorporate ci-', 'tations into the model']);
    expect(els[1]?.classList.contains('viewer-hit')).toBe(true);
    expect(els[0]?.textContent).toBe(texts[0]);
    expect(els[0]?.querySelector('.viewer-hit')?.textContent).toBe('In contrast, we');
    expect(els[2]?.childNodes).toHaveLength(2);
    const more = markHits(els, findQuote(texts, 'more citation'));
    expect(more.map((m) => m.textContent)).toEqual(['More cita-', 'tion']);
  });

  it('keeps markup out: text that looks like HTML stays text', () => {
    const texts = ['<b>bold</b> claim here now'];
    const els = spans(texts);
    markHits(els, findQuote(texts, 'claim here now'));
    expect(els[0]?.querySelector('b')).toBeNull();
    expect(els[0]?.textContent).toBe(texts[0]);
  });
});
