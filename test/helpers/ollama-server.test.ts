/** The Ollama test server, driven by the real `ollama` client. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Ollama } from 'ollama';
import { judgeReply, lastUserMessage, startOllamaServer, type OllamaTestServer } from './ollama-server.js';

const SCHEMA = {
  type: 'object',
  properties: { score: { type: 'integer', minimum: 0, maximum: 3 }, reason: { type: 'string' } },
  required: ['score', 'reason'],
};

/** Resolves once `check()` holds (polls), failing after `ms`. */
/** Waits for a condition; the limit only guards against a hang (far above any load's delay). */
async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function causeCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: string; cause?: { code?: string } } }).cause;
  return cause?.code ?? cause?.cause?.code;
}

describe('ollama test server', () => {
  let server: OllamaTestServer;
  let client: Ollama;
  before(async () => {
    server = await startOllamaServer({ models: ['qwen3:4b', 'llama3.2:3b', 'nomic-embed-text'] });
    client = new Ollama({ host: server.url });
  });
  after(() => server.close());
  beforeEach(() => { server.reset(); server.respond(() => ({ content: 'ok' })); });

  test('version, list and show', async () => {
    assert.deepEqual(await client.version(), { version: '0.12.0' });
    const list = await client.list();
    assert.deepEqual(list.models.map((m) => m.name), ['qwen3:4b', 'llama3.2:3b', 'nomic-embed-text:latest']);
    const qwen = list.models[0]!;
    assert.equal(qwen.details.format, 'gguf');
    assert.equal(qwen.details.family, 'qwen3');
    assert.equal(qwen.details.parameter_size, '4.0B');
    assert.match(qwen.digest, /^[0-9a-f]{64}$/);
    const shown = await client.show({ model: 'qwen3:4b' });
    assert.ok(shown.capabilities.includes('thinking'));
    assert.equal((shown.model_info as unknown as Record<string, unknown>)['general.architecture'], 'qwen3');
    assert.deepEqual((await client.show({ model: 'nomic-embed-text:latest' })).capabilities, ['embedding']);
    await assert.rejects(client.show({ model: 'missing:1b' }), (err: Error & { status_code?: number }) => {
      assert.equal(err.name, 'ResponseError');
      assert.equal(err.status_code, 404);
      assert.equal(err.message, "model 'missing:1b' not found");
      return true;
    });
    assert.deepEqual(server.requests.map((r) => `${r.method} ${r.path}`), ['GET /api/version', 'GET /api/tags', 'POST /api/show', 'POST /api/show', 'POST /api/show']);
  });

  test('chat streamed and not, and generate', async () => {
    const content = 'The answer, with some words: 42 ✓';
    server.respond((call) => ({ content: call.path === '/api/chat' ? content : `gen: ${lastUserMessage(call)}` }));
    const whole = await client.chat({ model: 'llama3.2:3b', messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }] });
    assert.equal(whole.message.content, content);
    assert.equal(whole.message.role, 'assistant');
    assert.equal(whole.done, true);
    assert.equal(whole.done_reason, 'stop');
    assert.ok(whole.eval_count > 0 && whole.prompt_eval_count > 0 && whole.total_duration > 0);

    const chunks = [];
    for await (const c of await client.chat({ model: 'llama3.2:3b', messages: [{ role: 'user', content: 'again' }], stream: true })) chunks.push(c);
    assert.ok(chunks.length >= 3, `only ${chunks.length} chunks`);
    assert.equal(chunks.map((c) => c.message.content).join(''), content);
    assert.deepEqual(chunks.map((c) => c.done), [...chunks.slice(1).map(() => false), true]);
    assert.equal(chunks.at(-1)!.done_reason, 'stop');

    const gen = await client.generate({ model: 'qwen3:4b', prompt: 'p1', system: 'sys' });
    assert.equal(gen.response, 'gen: p1');
    let streamed = '';
    for await (const c of await client.generate({ model: 'qwen3:4b', prompt: 'p2', stream: true })) streamed += c.response;
    assert.equal(streamed, 'gen: p2');
    // "qwen3" means "qwen3:latest", which is not installed.
    await assert.rejects(client.generate({ model: 'qwen3', prompt: 'p3' }), (err: Error & { status_code?: number }) => err.status_code === 404);
  });

  test('unknown model on chat is a 404 naming the model', async () => {
    await assert.rejects(client.chat({ model: 'nope:7b', messages: [{ role: 'user', content: 'x' }] }), (err: Error & { status_code?: number }) => {
      assert.equal(err.status_code, 404);
      assert.equal(err.message, 'model "nope:7b" not found, try pulling it first');
      return true;
    });
    assert.equal(server.calls.length, 1);
  });

  test('calls record what was asked', async () => {
    await client.chat({ model: 'qwen3:4b', messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'u1' }], format: SCHEMA, options: { temperature: 0 }, think: false }).catch(() => {});
    await client.generate({ model: 'qwen3:4b', prompt: 'the prompt', system: 'sys', logprobs: true, top_logprobs: 2 });
    const [a, b] = server.calls;
    assert.equal(a!.path, '/api/chat');
    assert.equal(a!.index, 0);
    assert.equal(a!.stream, false);
    assert.equal(a!.system, 's');
    assert.deepEqual(a!.format, SCHEMA);
    assert.deepEqual(a!.options, { temperature: 0 });
    assert.equal(a!.think, false);
    assert.equal(lastUserMessage(a!), 'u1');
    assert.equal(b!.path, '/api/generate');
    assert.equal(b!.index, 1);
    assert.equal(b!.prompt, 'the prompt');
    assert.deepEqual(b!.messages, [{ role: 'system', content: 'sys' }, { role: 'user', content: 'the prompt' }]);
    assert.equal(b!.logprobs, true);
    assert.equal(b!.top_logprobs, 2);
  });

  test('thinking: separate with think, inline otherwise', async () => {
    server.respond(() => ({ content: 'answer', thinking: 'let me see', thinkInline: true }));
    const msgs = [{ role: 'user', content: 'q' }];
    const sep = await client.chat({ model: 'qwen3:4b', messages: msgs, think: true });
    assert.equal(sep.message.thinking, 'let me see');
    assert.equal(sep.message.content, 'answer');
    let thinking = '';
    let content = '';
    for await (const c of await client.chat({ model: 'qwen3:4b', messages: msgs, think: 'low', stream: true })) {
      thinking += c.message.thinking ?? '';
      content += c.message.content;
    }
    assert.equal(thinking, 'let me see');
    assert.equal(content, 'answer');
    const inline = await client.chat({ model: 'qwen3:4b', messages: msgs });
    assert.equal(inline.message.content, '<think>let me see</think>answer');
    assert.equal(inline.message.thinking, undefined);
    server.respond(() => ({ content: 'answer', thinking: 'hidden' }));
    assert.equal((await client.chat({ model: 'qwen3:4b', messages: msgs, think: false })).message.content, 'answer');
    const gen = await client.generate({ model: 'qwen3:4b', prompt: 'q', think: true });
    assert.equal(gen.thinking, 'hidden');
    assert.equal(gen.response, 'answer');
  });

  test('format: conforming json passes, non-conforming json is a 500', async () => {
    server.respond(() => judgeReply(2, 'fits'));
    const ok = await client.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'judge' }], format: SCHEMA });
    assert.deepEqual(JSON.parse(ok.message.content), { score: 2, reason: 'fits' });
    for (const bad of [judgeReply(7, 'too high'), { json: { score: '2', reason: 'string score' } }, { json: { score: 1 } }]) {
      server.respond(() => bad);
      await assert.rejects(client.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'judge' }], format: SCHEMA, stream: true }), (err: Error & { status_code?: number }) => {
        assert.equal(err.name, 'ResponseError');
        assert.equal(err.status_code, 500);
        assert.match(err.message, /format schema: \$(\.score: |: missing required property "reason")/);
        return true;
      });
    }
    server.respond(() => ({ content: '{"score": 2, "reason": "trunc' }));
    const malformed = await client.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'judge' }], format: SCHEMA });
    assert.equal(malformed.message.content, '{"score": 2, "reason": "trunc');
  });

  test('logprobs on chat, whole and streamed', async () => {
    const logprobs = [
      { token: '{"score":', logprob: -0.01, top_logprobs: [{ token: '{"score":', logprob: -0.01 }] },
      { token: '3', logprob: -0.4, top_logprobs: [{ token: '3', logprob: -0.4 }, { token: '2', logprob: -1.2 }, { token: '1', logprob: -3 }] },
      { token: '}', logprob: 0 },
    ];
    server.respond(() => ({ content: '{"score":3}', logprobs }));
    const msgs = [{ role: 'user', content: 'q' }];
    const whole = await client.chat({ model: 'qwen3:4b', messages: msgs, logprobs: true });
    assert.deepEqual(whole.logprobs, logprobs);
    const trimmed = await client.chat({ model: 'qwen3:4b', messages: msgs, logprobs: true, top_logprobs: 2 });
    assert.deepEqual(trimmed.logprobs![1]!.top_logprobs!.map((t) => t.token), ['3', '2']);
    const got = [];
    let content = '';
    for await (const c of await client.chat({ model: 'qwen3:4b', messages: msgs, logprobs: true, stream: true })) {
      got.push(...(c.logprobs ?? []));
      content += c.message.content;
    }
    assert.deepEqual(got, logprobs);
    assert.equal(content, '{"score":3}');
    assert.equal((await client.chat({ model: 'qwen3:4b', messages: msgs })).logprobs, undefined);
    server.respond(() => ({ content: 'a b' }));
    const synth = await client.chat({ model: 'qwen3:4b', messages: msgs, logprobs: true });
    assert.deepEqual(synth.logprobs, [{ token: 'a', logprob: 0 }, { token: ' b', logprob: 0 }]);
  });

  test('a scripted 503 surfaces as a ResponseError', async () => {
    server.respond(() => ({ status: 503, error: 'server busy, please try again.  maximum pending requests exceeded' }));
    for (const stream of [false, true] as const) {
      await assert.rejects(client.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'x' }], stream } as never), (err: Error & { status_code?: number }) => {
        assert.equal(err.name, 'ResponseError');
        assert.equal(err.status_code, 503);
        assert.match(err.message, /server busy/);
        return true;
      });
    }
    // status 200 + error on a stream: the {"error"} line real Ollama sends when a stream fails after it began.
    server.respond(() => ({ status: 200, error: 'llama runner process has terminated' }));
    await assert.rejects((async () => {
      for await (const _ of await client.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'x' }], stream: true })) { /* drain */ }
    })(), /llama runner process has terminated/);
  });

  test('a client timeout ends the delayed request on the server', async () => {
    // The reply would come after 60 s: the request leaves the server's in-flight list only if the
    // client's timeout ended it there.
    server.respond(() => ({ content: 'late', delayMs: 60_000 }));
    const impatient = new Ollama({ host: server.url, fetch: (u, init) => fetch(u, { ...init, signal: AbortSignal.timeout(100) }) });
    await assert.rejects(impatient.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'x' }] }), (err: Error) => err.name === 'TimeoutError');
    await until(() => server.inFlight() === 0);

    server.respond(() => ({ content: 'one two three four five six', chunkDelayMs: 100 }));
    const it = await client.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'x' }], stream: true });
    assert.equal(server.inFlight(), 1);
    const seen: string[] = [];
    await assert.rejects((async () => {
      for await (const c of it) { seen.push(c.message.content); client.abort(); }
    })(), (err: Error) => err.name === 'AbortError');
    assert.equal(seen.length, 1);
    await until(() => server.inFlight() === 0);
  });

  test('hangUp: the client rejects with a socket error', async () => {
    server.respond(() => ({ hangUp: true }));
    await assert.rejects(client.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'x' }] }), (err: Error) => {
      assert.match(err.message, /fetch failed/);
      return true;
    });
    await until(() => server.inFlight() === 0);
    server.respond(() => ({ content: 'back' }));
    assert.equal((await client.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'x' }] })).message.content, 'back');
  });

  test('maxInFlight counts concurrent calls', async () => {
    server.respond((call) => ({ content: `#${call.index}`, delayMs: 60 }));
    const replies = await Promise.all([0, 1, 2, 3].map(() => client.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'x' }] })));
    assert.deepEqual(replies.map((r) => r.message.content).sort(), ['#0', '#1', '#2', '#3']);
    assert.equal(server.maxInFlight(), 4);
    assert.equal(server.inFlight(), 0);
    await client.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'x' }] });
    server.reset();
    assert.equal(server.maxInFlight(), 0);
  });

  test('embed: deterministic unit vectors', async () => {
    const r = await client.embed({ model: 'nomic-embed-text', input: ['alpha', 'beta', 'alpha'] });
    assert.equal(r.model, 'nomic-embed-text');
    assert.equal(r.embeddings.length, 3);
    for (const v of r.embeddings) {
      assert.equal(v.length, 8);
      assert.ok(Math.abs(Math.hypot(...v) - 1) < 1e-9);
    }
    assert.deepEqual(r.embeddings[0], r.embeddings[2]);
    assert.notDeepEqual(r.embeddings[0], r.embeddings[1]);
    const single = await client.embed({ model: 'nomic-embed-text:latest', input: 'alpha' });
    assert.deepEqual(single.embeddings, [r.embeddings[0]]);
    await assert.rejects(client.embed({ model: 'absent', input: 'x' }), (err: Error & { status_code?: number }) => err.status_code === 404);
  });

  test('embed: truncate (default on; off and too long: HTTP 400), calls recorded, scripted faults', async () => {
    const long = 'word '.repeat(3000); // ≈ 3750 tokens at 4 characters each, over the 2048-token context
    const cut = await client.embed({ model: 'nomic-embed-text', input: [long, long.slice(0, 2048 * 4)] });
    assert.deepEqual(cut.embeddings[0], cut.embeddings[1], 'a truncated input is embedded as its first 2048 tokens');
    await assert.rejects(client.embed({ model: 'nomic-embed-text', input: [long], truncate: false }), (err: Error & { status_code?: number }) => err.status_code === 400 && /context length/.test(err.message));
    assert.deepEqual(server.embeds.map((c) => [c.input.length, c.truncate, c.index]), [[2, undefined, 0], [1, false, 1]]);
    server.respondEmbed((c) => (c.index === 2 ? { status: 503, error: 'busy' } : {}));
    await assert.rejects(client.embed({ model: 'nomic-embed-text', input: 'x' }), (err: Error & { status_code?: number }) => err.status_code === 503);
    assert.equal((await client.embed({ model: 'nomic-embed-text', input: 'x' })).embeddings.length, 1);
    assert.equal(server.maxEmbedsInFlight(), 1);
    server.respondEmbed(() => ({}));
  });

  test('pull streams progress and installs the model; can fail midway', async () => {
    const progress = [];
    for await (const p of await client.pull({ model: 'gemma3:1b', stream: true })) progress.push(p);
    assert.equal(progress[0]!.status, 'pulling manifest');
    assert.equal(progress.at(-1)!.status, 'success');
    assert.ok(progress.some((p) => p.status === 'verifying sha256 digest'));
    const layer = progress.filter((p) => p.status.startsWith('pulling ') && p.digest);
    assert.ok(layer.length >= 4);
    assert.match(layer[0]!.digest, /^sha256:[0-9a-f]{64}$/);
    assert.equal(layer[0]!.status, `pulling ${layer[0]!.digest.slice(7, 19)}`);
    const last = layer.filter((p) => p.digest === layer[0]!.digest).at(-1)!;
    assert.equal(last.completed, last.total);
    assert.ok(server.models.has('gemma3:1b'));
    assert.ok((await client.list()).models.some((m) => m.name === 'gemma3:1b'));
    assert.equal((await client.chat({ model: 'gemma3:1b', messages: [{ role: 'user', content: 'x' }] })).message.content, 'ok');
    assert.deepEqual(await client.pull({ model: 'other:2b' }), { status: 'success' });

    server.pullFailAt = 3;
    const seen: string[] = [];
    await assert.rejects((async () => {
      for await (const p of await client.pull({ model: 'broken:1b', stream: true })) seen.push(p.status);
    })(), /max retries exceeded/);
    assert.equal(seen.length, 3);
    assert.equal(server.models.has('broken:1b'), false);
    await assert.rejects(client.pull({ model: 'broken:1b' }), (err: Error & { status_code?: number }) => err.status_code === 500);
    server.pullFailAt = undefined;
  });
});

describe('ollama test server: kill', () => {
  test('kill() mid-reply rejects the client and refuses new connections', async () => {
    const server = await startOllamaServer({ respond: () => ({ content: 'never', delayMs: 5000 }) });
    const client = new Ollama({ host: server.url });
    const pending = client.chat({ model: 'qwen3:4b', messages: [{ role: 'user', content: 'x' }] });
    await until(() => server.inFlight() === 1);
    server.kill();
    await assert.rejects(pending, /fetch failed/);
    await assert.rejects(client.version(), (err: Error) => {
      assert.equal(causeCode(err), 'ECONNREFUSED');
      return true;
    });
    assert.equal(server.inFlight(), 0);
    await server.close();
  });
});
