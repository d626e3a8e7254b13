/**
 * `pubmedDraft` end to end against the Ollama test server and the E-utilities test server (behind a
 * db=mesh stand-in that passes db=pubmed on), with a real review topic from ../shared/pubmed: its
 * title as the question, its 34 included PMIDs as seeds. The --json shape, the ranked table, and a
 * dead Ollama or NCBI as exit 1 with the code, message and hint.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../test/helpers/eutils-server.js';
import { startOllamaServer, type OllamaTestServer } from '../../../test/helpers/ollama-server.js';
import { hitsByQuery, loadTopic, MESH_RECORDS, respondBySample, SEARCHED } from '../../../test/helpers/pubmed-draft-fixtures.js';
import { startMeshServer, type MeshTestServer } from '../../../test/helpers/mesh-server.js';
import { UsageError } from './args.js';
import { pubmedDraft } from './pubmed-draft-command.js';

const topic = loadTopic('43');
const seeds = topic.included_pmids;
const byQuery = hitsByQuery(seeds);
/** A clause's count: 10 × its length. */
const clauseHits = (term: string) => Array.from({ length: 10 * term.length }, (_, i) => String(30_000_000 + i));

let ollama: OllamaTestServer;
let pubmed: EutilsTestServer;
let ncbi: MeshTestServer;
before(async () => {
  ollama = await startOllamaServer({ models: ['qwen3:4b'] });
  ollama.respond(respondBySample());
  pubmed = await startEutilsServer({ search: (term) => byQuery.get(term) ?? clauseHits(term) });
  ncbi = await startMeshServer(MESH_RECORDS, pubmed.url);
});
after(async () => { await ollama.close(); await ncbi.close(); await pubmed.close(); });

async function deadUrl(path = ''): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}${path}`;
}

const args = { question: topic.title, seeds, apiKey: 'test-key', email: 'me@example.org' };

interface Json {
  candidates: { rank: number; query: string | null; searched: string | null; count: number | null; recall: number | null; seedsFound: string[]; seedsMissed: string[]; clauses: { query: string; count: number }[]; clausesSkipped: number; mesh: { heading: string; exists: boolean; suggestion: string | null }[]; reward: number }[];
  llm: { calls: number; promptTokens: number; completionTokens: number; cacheHits: number; model: string };
}

test('--json: four candidates ranked by recall of the review\'s 34 included PMIDs, with clause counts and the MeSH check', async () => {
  const lines: string[] = [];
  const errs: string[] = [];
  const code = await pubmedDraft({ ...args, eutils: ncbi.url, ollama: ollama.url, json: true }, (s) => lines.push(s), (s) => errs.push(s));
  assert.equal(code, 0, errs.join('\n'));
  assert.equal(lines.length, 1);
  const j = JSON.parse(lines[0]!) as Json;
  assert.deepEqual(j.candidates.map((c) => [c.rank, c.searched, c.count, c.recall]), [
    [1, SEARCHED.B, 5200, 1], [2, SEARCHED.C, 2400, 26 / 34], [3, SEARCHED.D, 5900, 0.5], [4, SEARCHED.A, 1500, 0.5],
  ]);
  const [b, c, d, a] = j.candidates;
  assert.deepEqual([b!.seedsFound.length, c!.seedsFound.length, d!.seedsFound.length, a!.seedsFound.length], [34, 26, 17, 17]);
  assert.deepEqual(d!.seedsMissed, seeds.slice(17));
  assert.equal(b!.clauses.length, 9);
  assert.deepEqual(b!.clauses[0], { query: '"Thyroid Neoplasms"[mh] OR thyroid carcinoma*[tiab] OR "thyroid cancer"[tiab]', count: 10 * 77, depth: 1 });
  assert.ok(j.candidates.every((x) => x.clauses.every((k) => k.count === 10 * k.query.length) && x.clausesSkipped === 0));
  assert.deepEqual(a!.mesh, [{ heading: 'Occult Thyroid Cancer', exists: false, suggestion: 'Thyroid Neoplasms' }]);
  assert.deepEqual(d!.mesh, [{ heading: 'Thyroid Neoplasms', exists: true, suggestion: null }, { heading: 'autopsy', exists: true, suggestion: null }]);
  assert.deepEqual(j.llm, { calls: 4, promptTokens: 1200, completionTokens: 240, cacheHits: 0, model: 'qwen3:4b' });
  assert.ok(ncbi.requests.length > 0 && ncbi.requests.every((r) => r.params.api_key === 'test-key'), 'MeSH lookups carry the key');
  assert.ok(pubmed.requests.every((r) => r.params.api_key === 'test-key' && r.params.email === 'me@example.org'));
});

test('human output: a ranked table with clause counts and MeSH advice', async () => {
  const lines: string[] = [];
  const code = await pubmedDraft({ ...args, eutils: ncbi.url, ollama: ollama.url, json: false }, (s) => lines.push(s), () => {});
  assert.equal(code, 0);
  assert.equal(lines[0], '4 PubMed queries drafted by qwen3:4b, ranked by recall@3000 of 34 seeds');
  assert.equal(lines[1], '#  recall        count  query');
  assert.equal(lines[2], `1  1.000         5,200  ${SEARCHED.B}`);
  assert.ok(lines.includes(`4  0.500         1,500  ${SEARCHED.A}`));
  assert.ok(lines.some((l) => l.trim() === 'MeSH "Occult Thyroid Cancer" does not exist; did you mean "Thyroid Neoplasms"?'));
  assert.ok(lines.some((l) => l.trim() === `${(10 * 11).toLocaleString('en-US')}  autopsy[mh]`));
  assert.match(lines[lines.length - 1]!, /^LLM: 4 calls, 1,200 prompt \+ 240 completion tokens, 0 from cache$/);
});

test('Ollama down: exit 1 with OLLAMA_UNREACHABLE, its message and hint; NCBI down: PUBMED_UNREACHABLE', async () => {
  const out: string[] = [];
  const errs: string[] = [];
  const dead = await deadUrl();
  assert.equal(await pubmedDraft({ ...args, eutils: ncbi.url, ollama: dead, json: true }, (s) => out.push(s), (s) => errs.push(s)), 1);
  assert.equal(out.length, 0);
  assert.equal(errs.length, 1);
  assert.match(errs[0]!, new RegExp(`^delve: OLLAMA_UNREACHABLE: nothing answers at ${dead.replace(/[.]/g, '\\.')} \\(ECONNREFUSED\\); fix: start Ollama`));

  errs.length = 0;
  assert.equal(await pubmedDraft({ ...args, eutils: await deadUrl('/entrez/eutils/'), ollama: ollama.url, json: true }, (s) => out.push(s), (s) => errs.push(s)), 1);
  assert.equal(out.length, 0);
  assert.match(errs[0]!, /^delve: PUBMED_UNREACHABLE: NCBI E-utilities could not be reached at .*; fix: check the network connection/);
});

test('usage errors', async () => {
  await assert.rejects(pubmedDraft({ question: ' ', json: true }, () => {}, () => {}), UsageError);
  await assert.rejects(pubmedDraft({ question: 'q', seeds: ['1,x2'], json: true }, () => {}, () => {}), /not PMIDs: x2/);
  await assert.rejects(pubmedDraft({ question: 'q', k: 0, json: true }, () => {}, () => {}), /number of candidates/);
});
