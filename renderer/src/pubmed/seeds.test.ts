/** Parsing the known-PMIDs field. */
import { describe, expect, it } from 'vitest';
import { parseSeeds } from './seeds.js';

describe('parseSeeds', () => {
  it('splits on commas, spaces and newlines, drops duplicates, reports the rest', () => {
    expect(parseSeeds(' 123, 456\n789 123 ;')).toEqual({ pmids: ['123', '456', '789'], invalid: [] });
    expect(parseSeeds('12a, 34, 1234567890')).toEqual({ pmids: ['34'], invalid: ['12a', '1234567890'] });
    expect(parseSeeds('')).toEqual({ pmids: [], invalid: [] });
  });
});
