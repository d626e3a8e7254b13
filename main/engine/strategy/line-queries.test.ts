/** Each line's full PubMed query: references expanded through the lines they name; none where a named line has none. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineQueries } from './line-queries.js';
import { parseStrategy } from './strategy.js';

test('Ovid lines: or/…, N not M and limit expand to full queries', () => {
  const q = lineQueries(parseStrategy('1 exp Asthma/\n2 wheez$.tw.\n3 or/1-2\n4 limit 3 to humans\n5 3 not 2'));
  assert.deepEqual(q.map((l) => l.query), [
    '"Asthma"[mh]', 'wheez*[tiab]', '"Asthma"[mh] OR wheez*[tiab]', '("Asthma"[mh] OR wheez*[tiab]) AND "humans"[mh]',
    '("Asthma"[mh] OR wheez*[tiab]) NOT wheez*[tiab]',
  ]);
});

test('a line with an error, and the lines that use it, have no query', () => {
  const q = lineQueries(parseStrategy('#1 pain[tiab]\n#2 #1 AND #7\n#3 #2 OR #1'));
  assert.deepEqual(q, [{ n: 1, query: 'pain[tiab]' }, { n: 2, query: null }, { n: 3, query: null }]);
});
