import { describe, expect, it } from 'vitest';
import { findQuote, hitPieces, quoteWords } from './findQuote.js';

describe('findQuote', () => {
  it('finds a quote split over several spans, ignoring case, spacing and punctuation', () => {
    const spans = ['Results. The trial showed', '', 'that  Aspirin reduced', 'mortality by 20%.', 'Other text'];
    const hits = findQuote(spans, 'the trial showed that aspirin reduced mortality');
    expect(hitPieces(hits)).toEqual([0, 2, 3]);
    expect(spans[0]?.slice(hits[0]?.start, hits[0]?.end)).toBe('The trial showed');
    expect(spans[3]?.slice(hits[2]?.start, hits[2]?.end)).toBe('mortality');
  });

  it('joins a word hyphenated at a line end', () => {
    const spans = ['patients receiving treat-', '', 'ment improved quickly'];
    expect(hitPieces(findQuote(spans, 'receiving treatment improved'))).toEqual([0, 2]);
  });

  it('falls back to the longest prefix when the quote runs past the page', () => {
    const spans = ['first line of the page', 'we observed a marked decline in'];
    const hits = findQuote(spans, 'we observed a marked decline in cases over the next year');
    expect(hitPieces(hits)).toEqual([1]);
    expect(hits[0]).toEqual({ piece: 1, start: 0, end: 'we observed a marked decline in'.length });
  });

  it('does not match inside words or with too short a prefix', () => {
    expect(findQuote(['the cathode ray'], 'cat')).toEqual([]);
    expect(findQuote(['alpha beta gamma'], 'alpha beta zeta omega')).toEqual([]);
    expect(findQuote(['anything'], '   …  ')).toEqual([]);
  });

  it('matches ligatures and accents', () => {
    expect(hitPieces(findQuote(['the ﬁnal café'], 'final cafe'))).toEqual([0]);
  });

  it('folds quotes into words', () => {
    expect(quoteWords('“Hello,  World!” — it’s')).toEqual(['hello', 'world', 'it', 's']);
  });
});
