/**
 * The Ollama embedder against the Ollama-protocol test server (test/helpers/ollama-server.ts):
 * batches, a model and template per role, the fingerprint, retries of transient failures only,
 * bounded in-flight requests, cancellation and timeouts. Held replies (promises the test settles)
 * stand in for a slow server, so no timer decides an outcome.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startOllamaServer, type EmbedReply, type OllamaTestServer } from '../../../test/helpers/ollama-server.js';
import { embedVector } from '../../../test/helpers/ollama-server/models.js';
import { createOllamaEmbedder, type OllamaEmbedderOptions } from './ollama.js';
import { fullModelName, remoteModelId } from './ollama-names.js';

const DIMS = 12;

/** Replies held until released: `release()` lets every held one (and later ones) through. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => { open = r; });
  return { hold: (): Promise<EmbedReply> => opened.then(() => ({})), release: () => open() };
}

describe('Ollama embedder', () => {
  let server: OllamaTestServer;
  const delays: number[] = [];
  const opts = (o: Partial<OllamaEmbedderOptions> = {}): OllamaEmbedderOptions => ({
    host: server.url, documents: 'nomic-embed-text', wait: async (ms) => { delays.push(ms); }, ...o,
  });
  before(async () => { server = await startOllamaServer({ models: ['nomic-embed-text', 'mxbai-embed-large', 'qwen3:4b'], embedDims: DIMS }); });
  after(() => server.close());
  beforeEach(() => { server.reset(); server.respondEmbed(() => ({})); delays.length = 0; });

  test('names and ids', () => {
    assert.equal(fullModelName('nomic-embed-text'), 'nomic-embed-text:latest');
    assert.equal(fullModelName('hf.co/org/model:Q8_0'), 'hf.co/org/model:Q8_0');
    assert.equal(remoteModelId('hf.co/Org/Model:Q8_0'), 'ollama-hf.co-org-model-q8_0');
  });

  test('documents go in batches to the documents model, queries to the queries model, each with its template; vectors in input order', async () => {
    const e = await createOllamaEmbedder(opts({ queries: 'mxbai-embed-large', batchSize: 4, templates: { document: 'search_document: {text}', query: 'search_query: {text}' } }));
    assert.equal(e.info.provider, 'ollama');
    assert.equal(e.info.dims, DIMS);
    assert.deepEqual(e.models, { documents: 'nomic-embed-text:latest', queries: 'mxbai-embed-large:latest' });
    server.reset();
    const texts = Array.from({ length: 10 }, (_, i) => `text number ${i}`);
    const v = await e.embedDocuments(texts);
    assert.deepEqual(server.embeds.map((c) => c.input.length), [4, 4, 2]);
    assert.ok(server.embeds.every((c) => c.model === 'nomic-embed-text:latest' && c.truncate === true));
    assert.equal(server.embeds[0]!.input[0], 'search_document: text number 0');
    v.forEach((x, i) => {
      const want = embedVector(`search_document: ${texts[i]}`, DIMS);
      want.forEach((w, d) => assert.ok(Math.abs(w - x[d]!) < 1e-6));
    });
    server.reset();
    const [q] = await e.embedQueries(['what is this']);
    assert.deepEqual(server.embeds.map((c) => [c.model, c.input]), [['mxbai-embed-large:latest', ['search_query: what is this']]]);
    assert.equal(q!.length, DIMS);
    assert.equal(e.stats().texts, 11);
  });

  test('the fingerprint follows the model (its digest) and the document template, not the host spelling or the query model', async () => {
    const a = await createOllamaEmbedder(opts());
    const b = await createOllamaEmbedder(opts({ host: server.url.replace('http://', ''), queries: 'mxbai-embed-large' }));
    const c = await createOllamaEmbedder(opts({ documents: 'mxbai-embed-large' }));
    const d = await createOllamaEmbedder(opts({ templates: { document: 'search_document: {text}' } }));
    assert.equal(a.model.id, 'ollama-nomic-embed-text-latest');
    assert.equal(a.model.fingerprint, b.model.fingerprint);
    assert.notEqual(a.model.fingerprint, c.model.fingerprint);
    assert.notEqual(a.model.id, c.model.id);
    assert.notEqual(a.model.fingerprint, d.model.fingerprint);
  });

  test('a model Ollama does not have: MODEL_MISSING with the pull command; nothing at the host: OLLAMA_UNREACHABLE', async () => {
    await assert.rejects(createOllamaEmbedder(opts({ documents: 'all-minilm' })), (e: Error & { code?: string; hint?: string }) => e.code === 'MODEL_MISSING' && /ollama pull all-minilm:latest/.test(e.hint ?? ''));
    await assert.rejects(createOllamaEmbedder(opts({ queries: 'nope-embed' })), { code: 'MODEL_MISSING' });
    await assert.rejects(createOllamaEmbedder(opts({ host: 'http://127.0.0.1:9' })), { code: 'OLLAMA_UNREACHABLE' });
  });

  test('transient failures (HTTP 503, 429, a hang-up) are retried with backoff; other errors fail at once', async () => {
    const e = await createOllamaEmbedder(opts({ retries: 3 }));
    server.reset();
    const faults: EmbedReply[] = [{ status: 503, error: 'server busy' }, { status: 429 }, { hangUp: true }];
    server.respondEmbed((c) => faults[c.index] ?? {});
    const [v] = await e.embedDocuments(['retry me']);
    assert.equal(v!.length, DIMS);
    assert.equal(server.embeds.length, 4);
    assert.equal(delays.length, 3);
    assert.ok(delays[1]! > delays[0]! / 2 && delays.every((d) => d > 0));

    server.reset();
    delays.length = 0;
    server.respondEmbed(() => ({ status: 400, error: 'invalid input type' }));
    await assert.rejects(e.embedDocuments(['bad']), (err: Error & { code?: string }) => err.code === 'LLM_FAILED' && /400/.test(err.message));
    assert.equal(server.embeds.length, 1);
    assert.equal(delays.length, 0);

    server.reset();
    server.respondEmbed(() => ({ status: 500, error: 'CUDA out of memory' }));
    await assert.rejects(e.embedDocuments(['always failing']), { code: 'LLM_FAILED' });
    assert.equal(server.embeds.length, 4, 'the first try and 3 retries');
  });

  test('back-pressure: at most `concurrency` requests in flight, the rest wait for a slot', async () => {
    const e = await createOllamaEmbedder(opts({ batchSize: 2, concurrency: 2 }));
    server.reset();
    const g = gate();
    server.respondEmbed(() => g.hold());
    const pending = e.embedDocuments(Array.from({ length: 12 }, (_, i) => `t${i}`));
    const other = e.embedQueries(['a query']);
    await server.embedsArrived(2);
    assert.equal(server.embedsInFlight(), 2);
    g.release();
    assert.equal((await pending).length, 12);
    assert.equal((await other).length, 1);
    assert.equal(server.embeds.length, 7);
    assert.equal(server.maxEmbedsInFlight(), 2);
  });

  test('cancellation cuts the requests in flight and sends no queued batch', async () => {
    const e = await createOllamaEmbedder(opts({ batchSize: 1, concurrency: 2 }));
    server.reset();
    const g = gate();
    server.respondEmbed(() => g.hold());
    const ac = new AbortController();
    const pending = e.embedDocuments(['a', 'b', 'c', 'd', 'e'], { signal: ac.signal });
    await server.embedsArrived(2);
    ac.abort();
    await assert.rejects(pending, { code: 'CANCELLED' });
    await server.idle();
    g.release();
    assert.equal(server.embeds.length, 2);
    await assert.rejects(e.embedDocuments(['x'], { signal: ac.signal }), { code: 'CANCELLED' });
  });

  test('a request longer than the timeout fails with LLM_TIMEOUT (not retried)', async () => {
    const e = await createOllamaEmbedder(opts({ timeoutMs: 150 }));
    server.reset();
    const g = gate();
    server.respondEmbed(() => g.hold());
    try {
      await assert.rejects(e.embedDocuments(['slow']), { code: 'LLM_TIMEOUT' });
      assert.equal(server.embeds.length, 1);
    } finally {
      g.release();
    }
  });

  test('a reply with the wrong number or size of vectors is an error, not a silent mismatch', async () => {
    const e = await createOllamaEmbedder(opts());
    server.respondEmbed(() => ({ embeddings: [embedVector('one', DIMS)] }));
    await assert.rejects(e.embedDocuments(['one', 'two']), (err: Error & { code?: string }) => err.code === 'EMBEDDER_FAILED' && /1 vectors for 2 texts/.test(err.message));
    server.respondEmbed(() => ({ embeddings: [embedVector('one', DIMS + 1)] }));
    await assert.rejects(e.embedDocuments(['one']), (err: Error & { code?: string }) => err.code === 'EMBEDDER_FAILED' && /13-d vectors, expected 12/.test(err.message));
  });
});
