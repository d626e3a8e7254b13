import { describe, expect, it } from 'vitest';
import { parseRm3Terms, rm3Text, stageRow, withEdit } from './stages.js';

describe('stage rows', () => {
  it('carry the moves, the queries\' hit counts and what can be edited', () => {
    const row = stageRow({
      name: 'retrieve', ms: 40,
      delta: { newInTop10: 1, moved: [{ chunkId: 3, from: 4, to: 1 }, { chunkId: 9, from: null, to: 2 }], hits: 60 },
      queries: [{ label: 'expanded query', text: 'aspirin stroke', hits: 1234 }],
    });
    expect(row.detail).toBe('1 new in the top 10, 2 moved, 60 hits');
    expect(row.moves).toEqual([{ chunkId: 3, text: '#4 → #1 (up 3)' }, { chunkId: 9, text: 'new → #2' }]);
    expect(stageRow({ name: 'expand', ms: 1, delta: { newInTop10: 0, moved: [{ chunkId: 1, from: 2, to: 7 }] } }).moves[0]!.text).toBe('#2 → #7 (down 5)');
    expect(row.queries).toEqual([{ label: 'expanded query', hits: 1234 }]);
    expect(row.edit).toBeNull();
    expect(stageRow({ name: 'rewrite', text: 'aspirin OR stroke', ms: 0 })).toMatchObject({ edit: { kind: 'rewrite' }, editValue: 'aspirin OR stroke' });
    expect(stageRow({ name: 'expand', round: 2, text: 'q\n\nmore', ms: 0 })).toMatchObject({ edit: { kind: 'expand', round: 2 }, editValue: 'q\n\nmore' });
    const rm3 = stageRow({ name: 'rm3', ms: 3, terms: [{ term: 'aspirin', weight: 0.5 }, { term: 'platelet', weight: 0.25 }] });
    expect(rm3).toMatchObject({ edit: { kind: 'rm3' }, editValue: 'aspirin 0.500, platelet 0.250', text: 'aspirin 0.500, platelet 0.250' });
    expect(stageRow({ name: 'rm3', ms: 3, terms: [] }).edit).toBeNull();
  });
});

describe('RM3 terms as text', () => {
  it('read back what they are shown as', () => {
    const terms = [{ term: 'aspirin', weight: 0.5 }, { term: 'platelet', weight: 0.25 }];
    expect(parseRm3Terms(rm3Text(terms))).toEqual({ terms });
  });
  it('take commas or new lines, fill a missing weight with the mean of the others, and say what is wrong', () => {
    expect(parseRm3Terms('aspirin 0.4,\nplatelet\n stroke 0.2 ')).toEqual({ terms: [
      { term: 'aspirin', weight: 0.4 }, { term: 'platelet', weight: (0.4 + 0.2) / 2 }, { term: 'stroke', weight: 0.2 }] });
    expect(parseRm3Terms('blood clot')).toEqual({ terms: [{ term: 'blood clot', weight: 1 }] });
    expect(parseRm3Terms(' , ')).toEqual({ error: 'Give at least one term.' });
    expect(parseRm3Terms('aspirin 0')).toEqual({ error: 'The weight of “aspirin” must be above 0.' });
    expect(parseRm3Terms('25, 0.5')).toEqual({ terms: [{ term: '25', weight: 1 }, { term: '0.5', weight: 1 }] });
  });
});

describe('edits for a re-run', () => {
  it('keep the other stages\' edits and drop later expansion rounds\'', () => {
    const start = { rewrite: 'a b', expansions: { 1: ['one'], 2: ['two'] }, rm3: [{ term: 'x', weight: 1 }] };
    expect(withEdit(start, { kind: 'rewrite' }, 'c d')).toEqual({ ...start, rewrite: 'c d' });
    expect(withEdit(start, { kind: 'expand', round: 1 }, 'uno')).toEqual({ ...start, expansions: { 1: ['uno'] } });
    expect(withEdit(start, { kind: 'expand', round: 2 }, 'dos')).toEqual({ ...start, expansions: { 1: ['one'], 2: ['dos'] } });
    expect(withEdit({}, { kind: 'rm3' }, [{ term: 'y', weight: 2 }])).toEqual({ rm3: [{ term: 'y', weight: 2 }] });
  });
});
