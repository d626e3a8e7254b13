import { describe, expect, it } from 'vitest';
import { ocrBoxes, type OcrData } from './ocrBoxes.js';

// Two lines of a 1000 × 2000 px page image; "evi-" / "dence" hyphenated across the line end.
const page: OcrData = {
  confidence: 90.6, width: 1000, height: 2000,
  words: [
    ['The', 100, 100, 160, 130, 95], ['quick', 170, 100, 260, 132, 93], ['brown', 270, 98, 360, 130, 91], ['evi-', 370, 100, 430, 130, 88],
    ['dence', 100, 150, 200, 182, 90], ['jumps', 210, 150, 300, 184, 92], ['over.', 310, 150, 390, 182, 90],
  ],
};

describe('ocrBoxes', () => {
  it('covers the quoted words with one rectangle per line, in fractions of the page', () => {
    const boxes = ocrBoxes(page, 'quick brown evidence jumps');
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toEqual({ left: 0.17, top: 98 / 2000, width: 0.26, height: 34 / 2000 });
    expect(boxes[1]).toEqual({ left: 0.1, top: 0.075, width: 0.2, height: 34 / 2000 });
  });

  it('ignores case and punctuation, and gives nothing for a quote that is not on the page', () => {
    expect(ocrBoxes(page, 'JUMPS OVER')).toEqual([{ left: 0.21, top: 0.075, width: 0.18, height: 34 / 2000 }]);
    expect(ocrBoxes(page, 'a passage from another page entirely')).toEqual([]);
    expect(ocrBoxes(page, undefined)).toEqual([]);
    expect(ocrBoxes({ ...page, words: [] }, 'quick brown')).toEqual([]);
  });
});
