import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { openDb, type Db } from '../../store/db.js';
import { search } from '../search.js';

const searchBm25 = (db: Db, q: string, k: number) => search(db, q, { mode: 'bm25', k }, null);

async function corpus(): Promise<Db> {
  const { db } = await openDb(':memory:');
  const doc = (path: string, kind: string) => (db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, status, title, indexed_at)
    VALUES (?, ?, 1, 1, 'ok', ?, 0) RETURNING id`).get(path, kind, path.split('/').pop()) as { id: number }).id;
  const a = doc('/lib/ace.pdf', 'pdf');
  const b = doc('/lib/notes/korea.md', 'note');
  db.prepare(`INSERT INTO pages (doc_id, number, label, char_start, text) VALUES (?, 3, '307', 0, '')`).run(a);
  const chunk = db.prepare(`INSERT INTO chunks (doc_id, ordinal, first_page, last_page, char_start, char_end, heading_path, text, hash) VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?)`);
  chunk.run(a, 0, 3, 3, '["Results"]', 'ACE inhibitors reduced blood pressure in the treated cohort.', 'h1');
  chunk.run(a, 1, 4, 4, '["Discussion"]', 'Angiotensin receptor blockers were not studied. "Quoted" (parenthesised) text: AND NOT *', 'h2');
  chunk.run(b, 0, null, null, '[]', '국회입법조사처 보고서는 연구 결과를 요약한다. 🙂 Emoji 🙂', 'h3');
  return db;
}

test('results carry document, physical page, printed label, marked snippet and trace', async () => {
  const db = await corpus();
  const r = await searchBm25(db, 'ACE inhibitors blood pressure', 5);
  const top = r.results[0]!;
  assert.equal(top.path, '/lib/ace.pdf');
  assert.equal(top.page, 3);
  assert.equal(top.pageLabel, '307');
  assert.deepEqual(top.headingPath, ['Results']);
  assert.match(top.snippet, /«ACE» «inhibitors» reduced «blood» «pressure»/);
  assert.equal(top.snippetText.slice(top.marks[0]![0], top.marks[0]![1]), 'ACE');
  assert.equal(top.trace.bm25Rank, 1);
  assert.ok(top.score > 0 && top.trace.bm25Score! > 0);
  assert.equal(top.score, top.trace.bm25Score! + top.trace.proximityBonus);
  db.close();
});

test('a pasted sentence ranks its own chunk first even when its words are common elsewhere', async () => {
  const { db } = await openDb(':memory:');
  const d = (db.prepare(`INSERT INTO documents (path, kind, size, mtime_ms, status, indexed_at) VALUES ('/p.pdf', 'pdf', 1, 1, 'ok', 0) RETURNING id`).get() as { id: number }).id;
  const c = db.prepare(`INSERT INTO chunks (doc_id, ordinal, first_page, last_page, char_start, char_end, text, hash) VALUES (?, ?, ?, ?, 0, 0, ?, ?)`);
  for (let i = 0; i < 20; i++) c.run(d, 10 + i, 3 + i, 3 + i, `Unrelated filler text number ${i} about renal physiology and sodium transport.`, `f${i}`);
  c.run(d, 0, 1, 1, 'Adherence of patients to exercise was poor; heart failure patients measuring adherence, failure, exercise, heart.', 'a');
  c.run(d, 1, 2, 2, 'References. 12. Smith J, Jones K, Brown L, et al. A new questionnaire for measuring exercise adherence in heart failure patients. Journal of Cardiac Nursing, volume 3, pages 10 to 19.', 'b');
  const r = await searchBm25(db, 'for measuring exercise adherence in heart failure patients', 2);
  assert.equal(r.results[0]?.page, 2);
  assert.equal(r.results[0]?.trace.proximity, 1);
  assert.equal(r.results[0]?.trace.bm25Rank, 2, 'BM25 alone put it second');
  db.close();
});

test('notes have no page; Korean words find their note', async () => {
  const db = await corpus();
  const top = (await searchBm25(db, '보고서는', 5)).results[0];
  assert.equal(top?.path, '/lib/notes/korea.md');
  assert.equal(top?.page, null);
  db.close();
});

test('10,000 random query strings never make search throw', async () => {
  const db = await corpus();
  const special = fc.constantFrom('"', "'", '(', ')', '*', '-', ':', '^', 'AND', 'OR', 'NOT', 'NEAR', '{', '}', '+', '\\', '\u0000', '🙂', '국회', 'مرحبا', 'é', '\u200d', '\ud800');
  const arb = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.array(fc.oneof(special, fc.string({ maxLength: 6 })), { maxLength: 20 }).map((xs) => xs.join(' ')),
    fc.array(special, { maxLength: 30 }).map((xs) => xs.join('')),
  );
  let runs = 0;
  await fc.assert(fc.asyncProperty(arb, async (q) => {
    runs++;
    const r = await searchBm25(db, q, 10);
    return Array.isArray(r.results);
  }), { numRuns: 10_000, seed: Number(process.env.DELVE_SEED ?? 42) });
  assert.equal(runs, 10_000);
  db.close();
});
