/**
 * Hit counts (bm25HitCount: the chunks an OR query matches) from the postings in memory, from the
 * index directly and FTS5's own count agree; the user's RM3 terms rank as RM3 ranks its own.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchChunks, benchQueries } from '../../../test/bench/search-corpus.js';
import { fillDb } from '../../../test/bench/search-db.js';
import { sharedDir } from '../../../test/helpers/shared.js';
import { openDb } from '../store/db.js';
import { bm25HitCount, bm25List, rankerOf } from './bm25/bm25.js';
import { attachBm25Memory } from './bm25/bm25-memory.js';
import { weightedFtsQuery } from './query/weighted-query.js';

async function library() {
  const { db } = await openDb(':memory:');
  const unit = new Float32Array(384);
  unit[0] = 1;
  fillDb(db, benchChunks(sharedDir(), 3000), () => unit);
  return db;
}

const fts5Count = (db: Awaited<ReturnType<typeof library>>, match: string) => db.prepare('SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?').pluck().get(match) as number;

test('hit counts: the postings in memory, the index read directly and FTS5 count the same chunks', async () => {
  const db = await library();
  const queries = benchQueries(sharedDir(), 40).map((q) => q.text);
  const matches = [...queries.map((q) => weightedFtsQuery({ original: q }).match!), weightedFtsQuery({ original: queries[0]!, expansions: queries.slice(1, 4) }).match!];
  const direct = matches.map((m) => bm25HitCount(db, { match: m }));
  const memory = attachBm25Memory(db);
  assert.equal(memory.warm().state, 'memory');
  const fromMemory = matches.map((m) => bm25HitCount(db, { match: m }));
  assert.deepEqual(fromMemory, direct);
  assert.deepEqual(direct, matches.map((m) => fts5Count(db, m)));
  assert.ok(direct.every((n) => n > 0) && direct.at(-1)! >= Math.max(...direct.slice(0, 4)), 'an OR of more text matches at least as many');
  assert.equal(bm25HitCount(db, { match: null }), 0);
  assert.equal(bm25HitCount(db, { terms: [] }), 0);
  assert.equal(bm25HitCount(db, { terms: ['zzzunknownzzz'] }), 0);
  const df = rankerOf(db).dfLookup();
  assert.equal(bm25HitCount(db, { terms: ['cancer'] }), df.df('cancer'));
  assert.equal(bm25HitCount(db, { match: 'canc*' }), fts5Count(db, 'canc*'), 'a prefix query is counted by FTS5');
  db.close();
});

test('the user\'s RM3 terms: words analysed as the index does, weights scaled to sum 1, ranked as RM3 ranks its own terms', async () => {
  const db = await library();
  const q = 'vitamin D deficiency and cancer risk';
  const own = bm25List(db, q, 50, undefined, { rm3: true }).rm3!;
  // The stage's own terms, given back: the same ranking.
  const same = bm25List(db, q, 50, undefined, { rm3Terms: own.terms });
  assert.deepEqual(same.rm3!.terms.map((t) => t.term), own.terms.map((t) => t.term));
  same.rm3!.terms.forEach((t, i) => assert.ok(Math.abs(t.weight - own.terms[i]!.weight) < 1e-12));
  assert.deepEqual(same.hits.map((h) => h.chunkId), bm25List(db, q, 50, undefined, { rm3: true }).hits.map((h) => h.chunkId));
  // Words: "Cancers" is stemmed to the index's "cancer"; "tumor" 3: weights 1 and 3 become 0.25 and 0.75.
  const edited = bm25List(db, q, 50, undefined, { rm3Terms: [{ term: 'Cancers', weight: 1 }, { term: 'tumor', weight: 3 }] });
  assert.deepEqual(edited.rm3!.terms, [{ term: 'tumor', weight: 0.75 }, { term: 'cancer', weight: 0.25 }]);
  assert.deepEqual(edited.rm3!.feedback, [{ term: 'tumor', weight: 1 }], 'terms not in the query are the feedback terms');
  assert.notDeepEqual(edited.hits.map((h) => h.chunkId), same.hits.map((h) => h.chunkId));
  // Nothing usable: no expansion (null), the plain query ranks.
  const none = bm25List(db, q, 50, undefined, { rm3Terms: [{ term: '!!', weight: 1 }] });
  assert.equal(none.rm3, null);
  assert.deepEqual(none.hits.map((h) => h.chunkId), bm25List(db, q, 50).hits.map((h) => h.chunkId));
  db.close();
});
