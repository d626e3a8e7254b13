import { describe, expect, it } from 'vitest';
import { buildPatch, fieldSourceLabel, formFromDetail, normaliseDoi, parseAuthors, pubmedId } from './metadata.js';

const before = { title: 'Old', authors: ['Ada Lovelace'], year: 2001, doi: null, journal: null };

describe('metadata', () => {
  it('parses authors one per line or separated by semicolons', () => {
    expect(parseAuthors('Ada  Lovelace\nAlan Turing; Grace Hopper;\n\n')).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
  });

  it('patches only the changed fields', () => {
    const form = { ...formFromDetail(before), title: ' New title ', doi: 'https://doi.org/10.1000/182' };
    expect(buildPatch(before, form)).toEqual({ ok: true, patch: { title: 'New title', doi: '10.1000/182' } });
    expect(buildPatch(before, formFromDetail(before))).toEqual({ ok: true, patch: {} });
  });

  it('clears fields and rejects a bad year or DOI', () => {
    expect(buildPatch(before, { ...formFromDetail(before), year: '' })).toEqual({ ok: true, patch: { year: null } });
    const bad = buildPatch(before, { ...formFromDetail(before), year: '99', doi: 'not a doi' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['doi', 'year']);
  });

  it('labels sources and reads PMIDs and DOIs', () => {
    expect(fieldSourceLabel('pdf-text')).toBe('from the first page');
    expect(fieldSourceLabel(undefined)).toBe('');
    expect(normaliseDoi('doi: 10.1/x')).toBe('10.1/x');
    expect(pubmedId({ kind: 'pubmed', path: 'pubmed:123' })).toBe('123');
    expect(pubmedId({ kind: 'pdf', path: '/a.pdf' })).toBeNull();
  });
});
