/**
 * One HTTP client for every service: with HTTPS_PROXY set in the environment, NCBI E-utilities and a
 * model download both go through the proxy's CONNECT tunnel (TLS verified end to end), NO_PROXY
 * sends them direct, and a local Ollama (loopback) is always reached directly.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../test/helpers/eutils-server.js';
import { PLAIN, STRUCTURED } from '../../../test/helpers/eutils-server/fixtures.js';
import { startHub, type Hub } from '../../../test/helpers/hub-server.js';
import { startProxy, type TestProxy } from '../../../test/helpers/proxy-server.js';
import { TEST_CERT } from '../../../test/helpers/test-cert.js';
import { tempRoot, TINY_MODEL, TINY_TOKENIZER as tokenizer, tinyTokenizerSpec } from '../../../test/helpers/tiny-model.js';
import { downloadFile } from '../models/download.js';
import { createEutils } from '../pubmed/eutils/client.js';
import { RateLimiter } from '../pubmed/eutils/rate-limit.js';
import { createFetch } from './http.js';

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
const saved = Object.fromEntries(PROXY_VARS.map((k) => [k, process.env[k]]));
const root = tempRoot('delve-http-');
let eutils: EutilsTestServer;
let hub: Hub;
let proxy: TestProxy;
let n = 0;

before(async () => {
  eutils = await startEutilsServer({ records: [STRUCTURED, PLAIN], tls: true });
  hub = await startHub({ 'org/tiny': TINY_MODEL }, { tls: true });
  proxy = await startProxy();
});
afterEach(() => {
  for (const k of PROXY_VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  proxy.seen.length = 0;
});
after(async () => {
  await Promise.all([eutils.close(), hub.close(), proxy.close()]);
  rmSync(root, { recursive: true, force: true });
});

function useProxy(noProxy?: string): void {
  for (const k of PROXY_VARS) delete process.env[k];
  process.env.HTTPS_PROXY = proxy.url;
  if (noProxy !== undefined) process.env.NO_PROXY = noProxy;
}

/** E-utilities through the engine's fetch (with the test CA trusted), as createEutils uses it. */
const searchPubmed = () => createEutils({ baseUrl: eutils.url, fetch: createFetch({ ca: TEST_CERT }), limiter: new RateLimiter(1000, 1000) })
  .efetch([PLAIN.pmid]);

/** A model file, with the proxy settings of the environment (no `env` passed). */
const downloadModelFile = async () => {
  const spec = tinyTokenizerSpec(hub.base, root, n++);
  await downloadFile(spec, { ca: TEST_CERT, retries: 0 });
  return readFileSync(spec.dest);
};

test('with HTTPS_PROXY set, E-utilities and a model download both go through its CONNECT tunnel', async () => {
  useProxy();
  const records = await searchPubmed();
  assert.deepEqual(records.map((r) => r.pmid), [PLAIN.pmid]);
  assert.deepEqual(await downloadModelFile(), tokenizer);
  const tunnels = proxy.seen.filter((s) => s.method === 'CONNECT').map((s) => s.target);
  assert.ok(tunnels.includes(new URL(eutils.url).host), `E-utilities tunnelled: ${tunnels.join(', ')}`);
  assert.ok(tunnels.includes(new URL(hub.base).host), `the hub tunnelled: ${tunnels.join(', ')}`);
  assert.equal(proxy.seen.length, tunnels.length, 'https targets only ever ask for a tunnel');
});

test('NO_PROXY naming the host sends both direct', async () => {
  useProxy('127.0.0.1');
  assert.equal((await searchPubmed()).length, 1);
  assert.deepEqual(await downloadModelFile(), tokenizer);
  assert.deepEqual(proxy.seen, []);
});

test('a local Ollama is reached directly even with HTTP_PROXY set; a remote-looking host would use the proxy', async () => {
  const ollama = http.createServer((_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"models":[]}'); });
  await new Promise<void>((resolve) => ollama.listen(0, '127.0.0.1', resolve));
  try {
    for (const k of PROXY_VARS) delete process.env[k];
    process.env.HTTP_PROXY = proxy.url;
    const port = (ollama.address() as AddressInfo).port;
    const res = await createFetch({ directLoopback: true })(`http://127.0.0.1:${port}/api/tags`);
    assert.deepEqual(await res.json(), { models: [] });
    assert.deepEqual(proxy.seen, []);
    // Without the loopback exception the same request goes to the proxy, as curl would send it.
    const proxied = await createFetch()(`http://127.0.0.1:${port}/api/tags`);
    assert.deepEqual(await proxied.json(), { models: [] });
    assert.deepEqual((proxy.seen as TestProxy['seen']).map((s) => [s.method, s.target]), [['GET', `http://127.0.0.1:${port}/api/tags`]]);
  } finally {
    await new Promise<void>((resolve) => ollama.close(() => resolve()));
  }
});
