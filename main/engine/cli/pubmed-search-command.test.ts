/**
 * `pubmedSearch` against the local E-utilities server with a real systematic-review topic from
 * ../shared/pubmed (its expert Boolean query and its included PMIDs as seeds): Recall@3K as
 * DeepRetrieval measures it, the --json shape, the human output, usage errors.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../test/helpers/eutils-server.js';
import { sharedDir } from '../../../test/helpers/shared.js';
import { UsageError } from './args.js';
import { pubmedSearch } from './pubmed-search-command.js';

interface Topic { id: string; title: string; pubmed_boolean_query: string; included_pmids: string[] }
const topic = readFileSync(join(sharedDir(), 'pubmed', 'SAMPLE_5_topics.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l) as Topic).find((t) => t.id === '43')!;
const seeds = topic.included_pmids;

/** 3,500 hits: 20 seeds inside the first 3,000, 5 after it, the rest of the seeds not retrieved. */
const hits = (() => {
  const ids = Array.from({ length: 3500 }, (_, i) => String(40_000_000 + i));
  seeds.slice(0, 20).forEach((s, i) => { ids[i * 140] = s; });
  seeds.slice(20, 25).forEach((s, i) => { ids[3100 + i] = s; });
  return ids;
})();

let server: EutilsTestServer;
before(async () => {
  server = await startEutilsServer({
    search: (term) => (term === topic.pubmed_boolean_query
      ? { ids: hits, querytranslation: '"thyroid neoplasms"[MeSH Terms] AND …', errorlist: { phrasesnotfound: ['hurtle cell'], fieldsnotfound: [] } }
      : { ids: [] }),
  });
});
after(() => server.close());

test('--json: count, the first 3,000 ids, translation, and recall of the seeds within them', async () => {
  server.reset();
  const lines: string[] = [];
  const code = await pubmedSearch({ query: topic.pubmed_boolean_query, seeds, eutils: server.url, json: true, email: 'me@example.org' }, (s) => lines.push(s));
  assert.equal(code, 0);
  assert.equal(lines.length, 1);
  const j = JSON.parse(lines[0]!) as { count: number; ids: string[]; translation: string; recall: number; seedsFound: string[]; seedsMissed: string[]; errors: { phrasesNotFound: string[] } };
  assert.equal(j.count, 3500);
  assert.equal(j.ids.length, 3000);
  assert.deepEqual(j.ids, hits.slice(0, 3000));
  assert.equal(j.translation, '"thyroid neoplasms"[MeSH Terms] AND …');
  assert.equal(seeds.length, 34);
  assert.equal(j.recall, 20 / 34);
  assert.deepEqual(j.seedsFound, seeds.slice(0, 20));
  assert.deepEqual(j.seedsMissed, seeds.slice(20), 'seeds after the 3,000th hit count as missed');
  assert.deepEqual(j.errors.phrasesNotFound, ['hurtle cell']);
  assert.equal(server.requests.length, 1);
  const q = server.requests[0]!;
  assert.equal(q.params.term, topic.pubmed_boolean_query, 'the expert query reaches NCBI intact');
  assert.deepEqual([q.params.retmax, q.params.retstart, q.params.tool, q.params.email], ['3000', '0', 'delve', 'me@example.org']);
});

test('human output: count, translation, recall, the first 20 ids; no seeds, no recall', async () => {
  const lines: string[] = [];
  await pubmedSearch({ query: topic.pubmed_boolean_query, seeds: [seeds.slice(0, 2).join(','), seeds[30]!], eutils: server.url, json: false }, (s) => lines.push(s));
  assert.equal(lines[0], 'PubMed: 3,500 records (first 3,000 retrieved)');
  assert.equal(lines[1], 'translation: "thyroid neoplasms"[MeSH Terms] AND …');
  assert.equal(lines[2], 'not found in PubMed (ignored): hurtle cell');
  assert.equal(lines[3], `recall@3000: 0.667 (2/3 seeds); missed: ${seeds[30]}`);
  assert.equal(lines[4], `first 20 ids: ${hits.slice(0, 20).join(' ')}`);

  const none: string[] = [];
  await pubmedSearch({ query: 'no such thing', eutils: server.url, json: true }, (s) => none.push(s));
  assert.deepEqual(JSON.parse(none[0]!), {
    count: 0, ids: [], translation: 'no such thing', recall: null, seedsFound: [], seedsMissed: [],
    errors: { phrasesNotFound: [], fieldsNotFound: [] }, warnings: { phrasesIgnored: [], quotedPhrasesNotFound: [], outputMessages: [] },
  });
});

test('usage errors and NCBI failures', async () => {
  await assert.rejects(pubmedSearch({ query: '  ', json: true }, () => {}), UsageError);
  await assert.rejects(pubmedSearch({ query: 'x', seeds: ['123', 'abc'], json: true }, () => {}), /not PMIDs: abc/);
  server.fail(1, 200, { body: '{"esearchresult":{"ERROR":"Invalid query"}}' });
  await assert.rejects(pubmedSearch({ query: 'broken (', eutils: server.url, json: true }, () => {}), (e: unknown) => (e as { code?: string }).code === 'PUBMED_QUERY_INVALID');
});
