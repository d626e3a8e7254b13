/**
 * The LLM layer against the Ollama-protocol test server, through the real `ollama` client: cache,
 * thinking kept apart, error codes with hints (unreachable, missing model, timeout), retries of
 * transient errors, bounded concurrency, cancellation.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { openDb } from '../store/db.js';
import { startOllamaServer, type OllamaTestServer } from '../../../test/helpers/ollama-server.js';
import { LlmCache } from './cache.js';
import { Llm } from './client.js';
import { resolveLlmConfig } from './config.js';
import { LlmError } from './failure.js';

let server: OllamaTestServer;
before(async () => { server = await startOllamaServer({ models: ['qwen3:4b'] }); });
after(() => server.close());

/** The backoff waits between retries, recorded instead of slept (the client's injected clock). */
const waits: number[] = [];
const instant = async (ms: number) => { waits.push(ms); };
const llm = (over: Parameters<typeof resolveLlmConfig>[0] = {}, cache: LlmCache | null = null) => new Llm(resolveLlmConfig({ host: server.url, ...over }), cache, instant);
const ask = (l: Llm, content = 'hello', signal?: AbortSignal) => l.chat({ role: 'judge', messages: [{ role: 'user', content }], signal });

async function rejectsWith(p: Promise<unknown>, code: string): Promise<LlmError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof LlmError, String(err));
    assert.equal(err.code, code, err.message);
    return err;
  }
  assert.fail(`expected ${code}`);
}

test('a reply, its token counts, and <think> reasoning kept apart from the answer', async () => {
  server.reset();
  server.respond(() => ({ content: 'the answer', thinking: 'first I think', thinkInline: true, promptTokens: 12, completionTokens: 3 }));
  const l = llm();
  const r = await ask(l);
  assert.equal(r.content, 'the answer');
  assert.equal(r.thinking, 'first I think');
  assert.deepEqual(l.usage, { calls: 1, promptTokens: 12, completionTokens: 3, cacheHits: 0, failures: 0 });
});

test('the same prompt twice costs one call: the second is answered from the SQLite cache', async () => {
  server.reset();
  server.respond(() => ({ content: 'cached?' }));
  const { db } = await openDb(':memory:');
  const cache = new LlmCache(db);
  const first = llm({}, cache);
  await ask(first, 'same prompt');
  const second = llm({}, cache);
  const r = await ask(second, 'same prompt');
  assert.equal(r.content, 'cached?');
  assert.equal(r.cached, true);
  assert.deepEqual([second.usage.calls, second.usage.cacheHits, server.calls.length], [0, 1, 1]);
  await ask(second, 'another prompt');
  assert.equal(server.calls.length, 2);
  db.close();
});

test('nothing listening: OLLAMA_UNREACHABLE at once, with the fix', async () => {
  const port = await new Promise<number>((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); }); });
  const l = new Llm(resolveLlmConfig({ host: `http://127.0.0.1:${port}`, retries: 3 }), null, instant);
  const e = await rejectsWith(ask(l), 'OLLAMA_UNREACHABLE');
  assert.match(e.hint, /ollama serve/);
  assert.equal(l.usage.calls, 1, 'refused connections are not retried');
});

test('a model that is not pulled: MODEL_MISSING with the pull command', async () => {
  const e = await rejectsWith(ask(llm({ model: 'llama9:70b' })), 'MODEL_MISSING');
  assert.equal(e.hint, 'run: ollama pull llama9:70b');
});

test('a call slower than the timeout: LLM_TIMEOUT, and the request is cut', async () => {
  server.reset();
  server.respond(() => ({ content: 'late', delayMs: 5000 }));
  await rejectsWith(ask(llm({ timeoutMs: 150 })), 'LLM_TIMEOUT');
  await server.idle(); // the server saw the request cut (else this never resolves and the test times out)
  assert.equal(server.inFlight(), 0);
});

test('HTTP 503 is retried with backoff; a persistent 500 ends as LLM_FAILED', async () => {
  server.reset();
  server.respond((c) => (c.index < 2 ? { status: 503, error: 'busy' } : { content: 'third time' }));
  waits.length = 0;
  assert.equal((await ask(llm({ retries: 2 }))).content, 'third time');
  assert.deepEqual(waits, [200, 400], 'exponential backoff between the attempts');
  server.reset();
  server.respond(() => ({ status: 500, error: 'boom' }));
  const l = llm({ retries: 1 });
  await rejectsWith(ask(l), 'LLM_FAILED');
  assert.equal(server.calls.length, 2);
  assert.equal(l.usage.failures, 1);
});

test('at most `concurrency` calls are in flight', async () => {
  server.reset();
  server.respond(() => ({ content: 'x', delayMs: 60 }));
  const l = llm({ concurrency: 3 });
  await Promise.all(Array.from({ length: 10 }, (_, i) => ask(l, `p${i}`)));
  assert.equal(server.maxInFlight(), 3);
});

test('cancelling aborts calls in flight and calls still waiting for a slot', async () => {
  server.reset();
  server.respond(() => ({ content: 'x', delayMs: 2000 }));
  const l = llm({ concurrency: 1 });
  const c = new AbortController();
  const calls = [ask(l, 'a', c.signal), ask(l, 'b', c.signal)];
  await server.arrived(1);
  c.abort();
  for (const p of calls) await rejectsWith(p, 'CANCELLED');
  await server.idle();
  assert.equal(server.inFlight(), 0);
  assert.equal(server.calls.length, 1, 'the waiting call never reached the server');
});
