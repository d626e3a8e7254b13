import { describe, expect, it } from 'vitest';
import { isoDate, modeWords, pageName, sourceLabel } from './format.js';

describe('format', () => {
  it('names a PDF page by its printed label and its PDF page number, once when they agree', () => {
    expect(pageName(1, '84')).toBe('p. 84 (PDF page 1)');
    expect(pageName(5, '5')).toBe('p. 5');
    expect(pageName(5, null)).toBe('p. 5');
    expect(sourceLabel({ kind: 'pdf', path: '/a.pdf', page: 8, pageLabel: '7' })).toBe('p. 7 (PDF page 8)');
  });

  it('dates are ISO, modes are words', () => {
    expect(isoDate(new Date(2026, 11, 7, 23, 5).getTime())).toBe('2026-12-07');
    expect([modeWords('bm25'), modeWords('hybrid'), modeWords('full')]).toEqual(['keyword match', 'keyword and meaning match', 'deep']);
  });
});
