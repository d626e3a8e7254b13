import assert from 'node:assert/strict';
import { test } from 'node:test';
import { search } from '../search/search.js';
import { openDb, type Db } from '../store/db.js';
import { writeParsed } from '../store/write.js';
import { chunkBlocks, DEFAULT_CHUNK_OPTIONS } from './chunker.js';
import { recordHeading, recordText } from './record.js';

test('a record is its title, then its paragraphs, every block under the title as heading path', () => {
  const r = recordText('  Zebrafish fin\n regeneration ', ['An abstract.', '', null, '  Keywords: fins  ']);
  assert.equal(r.text, 'Zebrafish fin\n regeneration\n\nAn abstract.\n\nKeywords: fins');
  assert.deepEqual(r.blocks.map((b) => [b.text, r.text.slice(b.start, b.end), b.headingPath, b.page]), [
    ['Zebrafish fin\n regeneration', 'Zebrafish fin\n regeneration', ['Zebrafish fin regeneration'], null],
    ['An abstract.', 'An abstract.', ['Zebrafish fin regeneration'], null],
    ['Keywords: fins', 'Keywords: fins', ['Zebrafish fin regeneration'], null],
  ]);
  // One section: the chunker packs title and abstract into one chunk headed by the title.
  const chunks = chunkBlocks({ kind: 'note', title: null, authors: [], year: null, doi: null, metadata: {}, pages: [], pageStarts: [], warnings: [], ...r }, DEFAULT_CHUNK_OPTIONS);
  assert.deepEqual(chunks.map((c) => [c.text, c.headingPath]), [[r.text, ['Zebrafish fin regeneration']]]);
});

test('an untitled record has no heading path and no empty first paragraph', () => {
  assert.deepEqual(recordHeading('  \n '), []);
  const r = recordText(null, ['Only an abstract.']);
  assert.equal(r.text, 'Only an abstract.');
  assert.deepEqual(r.blocks, [{ text: 'Only an abstract.', start: 0, end: 17, page: null, headingPath: [] }]);
  assert.deepEqual(recordText('', []).blocks, []);
});

async function library(layout: (title: string, paragraphs: string[]) => ReturnType<typeof recordText>): Promise<Db> {
  const { db } = await openDb(':memory:');
  const put = (path: string, title: string, paragraphs: string[]) => {
    const { text, blocks } = layout(title, paragraphs);
    const doc = { kind: 'pubmed' as const, title, authors: [], year: null, doi: null, metadata: {}, text, pages: [], pageStarts: [], blocks, warnings: [] };
    writeParsed(db, { path, kind: 'pubmed', size: text.length, mtimeMs: 0, contentHash: path, doc, chunks: chunkBlocks(doc, DEFAULT_CHUNK_OPTIONS), chunking: 'test' });
  };
  // The word "zebrafish" once in each; the second record is shorter, which BM25 favours.
  put('pubmed:1', 'Zebrafish fin regeneration', ['Regrowth of amputated fins follows blastema formation.']);
  put('pubmed:2', 'Tissue repair', ['Zebrafish and mice regrow tissues.']);
  for (let i = 0; i < 8; i++) put(`pubmed:${10 + i}`, `Unrelated study ${i}`, [`Sodium transport in renal tubules, cohort ${i}.`]);
  return db;
}

test('a record\'s title word ranks its record first: the title counts in the heading path too', async () => {
  const order = async (db: Db) => (await search(db, 'zebrafish', { mode: 'bm25', k: 5 }, null)).results.map((r) => r.path);
  const db = await library((t, p) => recordText(t, p));
  const results = await search(db, 'zebrafish', { mode: 'bm25', k: 5 }, null);
  assert.deepEqual(results.results.map((r) => r.path), ['pubmed:1', 'pubmed:2']);
  assert.deepEqual(results.results[0]!.headingPath, ['Zebrafish fin regeneration']);
  assert.match(results.results[0]!.snippet, /«Zebrafish» fin regeneration/);
  db.close();
  // The same records with the title only in the text (the layout before): the shorter abstract wins.
  const flat = await library((t, p) => { const r = recordText(t, p); return { ...r, blocks: r.blocks.map((b) => ({ ...b, headingPath: [] })) }; });
  assert.deepEqual(await order(flat), ['pubmed:2', 'pubmed:1']);
  flat.close();
});
