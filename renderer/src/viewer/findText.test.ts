import { describe, expect, it } from 'vitest';
import { countByPage, matchRanges, placeOf, queryTerms, step } from './findText.js';

describe('find in a document (text)', () => {
  it('matches terms case-insensitively at word starts, a phrase across any spaces', () => {
    const text = 'Heart failure. heart\nfailure programmes; sweetheart failure';
    expect(matchRanges(text, ['heart failure'])).toEqual([[0, 13], [15, 28]]);
    expect(matchRanges(text, ['HEART'])).toEqual([[0, 5], [15, 20]]);
    expect(matchRanges(text, ['a+b (c)'])).toEqual([]);
    expect(matchRanges('a+b (c) here', ['a+b (c)'])).toEqual([[0, 7]]);
    expect(matchRanges(text, [' '])).toEqual([]);
  });

  it('counts per page and places the N-th match on its page; steps wrap around', () => {
    const pages = [{ page: 1, text: 'aspirin aspirin' }, { page: 2, text: 'none here' }, { page: 3, text: 'Aspirin' }];
    const counts = countByPage(pages, ['aspirin']);
    expect(counts).toEqual([{ page: 1, count: 2 }, { page: 3, count: 1 }]);
    expect(placeOf(counts, 0)).toEqual({ page: 1, nth: 0 });
    expect(placeOf(counts, 2)).toEqual({ page: 3, nth: 0 });
    expect(placeOf(counts, 3)).toBeNull();
    expect([step(2, 3, 1), step(0, 3, -1), step(-1, 3, -1), step(0, 0, 1)]).toEqual([0, 2, 2, -1]);
  });

  it('takes the words of a search-box query, without operators or common words', () => {
    expect(queryTerms('patient experiences of heart failure programmes')).toEqual(['patient', 'experience', 'heart', 'failure', 'programme']);
    expect(queryTerms('"heart failure" author:Tully -rehabilitation year:2019 OR NOT diet')).toEqual(['heart failure']);
    expect(queryTerms('')).toEqual([]);
  });
});
