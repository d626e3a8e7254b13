import assert from 'node:assert/strict';
import test from 'node:test';
import { placesImage, visibleChars } from './ocr.js';
import { loadPdfJs } from './pdfjs.js';

const { OPS } = await loadPdfJs();
const PAGE = 612 * 792;

function ops(...list: [number, unknown?][]): [number[], unknown[]] {
  return [list.map(([fn]) => fn), list.map(([, args]) => args ?? null)];
}

test('a dropped page-sized image is recognised by its placement', () => {
  const [fn, args] = ops([OPS.save], [OPS.transform, [612, 0, 0, 792, 0, 0]], [OPS.restore]);
  assert.equal(placesImage(OPS, fn, args, PAGE), true);
});

test('placement through nested transforms and at the end of the list', () => {
  const [fn, args] = ops([OPS.save], [OPS.transform, [0.24, 0, 0, 0.24, 0, 0]], [OPS.save], [OPS.transform, [2550, 0, 0, 3300, 0, 0]], [OPS.restore], [OPS.restore]);
  assert.equal(placesImage(OPS, fn, args, PAGE), true);
  const [fn2, args2] = ops([OPS.transform, [612, 0, 0, 792, 0, 0]]);
  assert.equal(placesImage(OPS, fn2, args2, PAGE), true);
});

test('ordinary transforms, small images, text and blank pages are not images', () => {
  const cases: [number[], unknown[]][] = [
    ops(),
    ops([OPS.save], [OPS.restore]),
    ops([OPS.save], [OPS.transform, [1, 0, 0, 1, 72, 720]], [OPS.restore]),
    ops([OPS.save], [OPS.transform, [60, 0, 0, 40, 500, 700]], [OPS.restore]), // a logo
    ops([OPS.save], [OPS.transform, [612, 0, 0, 792, 0, 0]], [OPS.beginText], [OPS.showText, [[]]], [OPS.endText], [OPS.restore]),
  ];
  for (const [fn, args] of cases) assert.equal(placesImage(OPS, fn, args, PAGE), false, JSON.stringify(fn));
});

test('a page written as strips: images that cover the page together count, a few small ones do not', () => {
  const strip = (i: number): [number, unknown?][] => [[OPS.save], [OPS.transform, [612, 0, 0, 792 / 20, 0, i * 792 / 20]], [OPS.restore]];
  const [fn, args] = ops(...Array.from({ length: 20 }, (_, i) => strip(i)).flat());
  assert.equal(placesImage(OPS, fn, args, PAGE), true);
  const [fn2, args2] = ops(...strip(0), ...strip(5), ...strip(9)); // three strips: 15% of the page
  assert.equal(placesImage(OPS, fn2, args2, PAGE), true);
  const [fn3, args3] = ops(...strip(0)); // one strip: 5%
  assert.equal(placesImage(OPS, fn3, args3, PAGE), false);
  const [fn4, args4] = ops([OPS.save], [OPS.transform, [60, 0, 0, 40, 500, 700]], [OPS.restore], [OPS.save], [OPS.transform, [60, 0, 0, 40, 20, 700]], [OPS.restore]); // two logos
  assert.equal(placesImage(OPS, fn4, args4, PAGE), false);
});

test('an image operator that is there after all counts', () => {
  const [fn, args] = ops([OPS.save], [OPS.transform, [10, 0, 0, 10, 0, 0]], [OPS.paintImageXObject, ['img', 10, 10]], [OPS.restore]);
  assert.equal(placesImage(OPS, fn, args, PAGE), true);
});

test('visible characters ignore whitespace', () => {
  assert.equal(visibleChars(' a\n\nb \u00a0c\t'), 3);
});
