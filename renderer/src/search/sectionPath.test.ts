import { describe, expect, it } from 'vitest';
import { sectionPath } from './sectionPath.js';

describe('sectionPath', () => {
  it('drops a first heading that repeats the title', () => {
    expect(sectionPath(['Zebrafish fin regeneration'], 'Zebrafish fin  regeneration')).toEqual([]);
    expect(sectionPath(['My note', 'Methods'], 'My note')).toEqual(['Methods']);
  });
  it('keeps any other heading path', () => {
    expect(sectionPath(['Results', 'Okapi'], 'A paper')).toEqual(['Results', 'Okapi']);
    expect(sectionPath(['Results'], null)).toEqual(['Results']);
    expect(sectionPath([], 'A paper')).toEqual([]);
  });
});
