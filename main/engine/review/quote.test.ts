import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateQuote } from './quote.js';

const text = 'Background.\nVitamin D  deficiency is common.\nIt is associated with risk.';

test('an exact quote is kept', () => {
  assert.equal(locateQuote(text, 'deficiency is common'), 'deficiency is common');
});

test('a snippet with ellipses and other whitespace is found as the text\'s own words', () => {
  assert.equal(locateQuote(text, '…Vitamin D deficiency is common. It is associated…'), 'Vitamin D  deficiency is common.\nIt is associated');
  assert.equal(locateQuote(text, '...It is associated with risk.'), 'It is associated with risk.');
});

test('words that are not in the text, or nothing but an ellipsis, are not found', () => {
  assert.equal(locateQuote(text, '…Vitamin C deficiency…'), null);
  assert.equal(locateQuote(text, '…'), null);
  assert.equal(locateQuote(text, 'a (b) [c]'), null);
});
