/**
 * Proxies from the environment: NO_PROXY matching, plain HTTP through a forward proxy, HTTPS through
 * a CONNECT tunnel (to a local HTTPS hub with the test certificate, resume included), proxy
 * credentials, and a refused tunnel.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startHub, type Hub } from '../../../test/helpers/hub-server.js';
import { startProxy, type TestProxy } from '../../../test/helpers/proxy-server.js';
import { sharedDir } from '../../../test/helpers/shared.js';
import { TEST_CERT } from '../../../test/helpers/test-cert.js';
import { EngineError } from '../errors.js';
import { downloadFile } from '../models/download.js';
import { bypassesProxy, proxyFor } from './proxy.js';

const tiny = join(sharedDir(), 'models', 'bert-tiny-random');
const tokenizer = readFileSync(join(tiny, 'tokenizer.json'));
const sha = createHash('sha256').update(tokenizer).digest('hex');
const root = mkdtempSync(join(tmpdir(), 'delve-proxy-'));
let plain: Hub;
let secure: Hub;
let proxy: TestProxy;
let n = 0;

before(async () => {
  plain = await startHub({ 'org/tiny': tiny });
  secure = await startHub({ 'org/tiny': tiny }, { tls: true });
  proxy = await startProxy();
});
after(async () => {
  await Promise.all([plain.close(), secure.close(), proxy.close()]);
  rmSync(root, { recursive: true, force: true });
});

const get = (base: string, env: Record<string, string>, extra = {}) => {
  const dest = join(root, `f${n++}`, 'tokenizer.json');
  return downloadFile({ url: `${base}/org/tiny/resolve/main/tokenizer.json`, dest, sha256: sha, bytes: tokenizer.length, label: 'tokenizer.json' },
    { env, ca: TEST_CERT, retryDelayMs: 5, ...extra }).then(() => readFileSync(dest));
};

test('NO_PROXY: names, .suffixes, *.suffixes, host:port, IPv6 and "*"; lower- or upper-case variables', () => {
  const u = (s: string) => new URL(s);
  const env = { NO_PROXY: 'localhost, .internal.example,*.corp.test 10.0.0.1:8080 [::1]' };
  assert.equal(bypassesProxy(u('http://localhost:3000/'), env), true);
  assert.equal(bypassesProxy(u('https://a.internal.example/'), env), true);
  assert.equal(bypassesProxy(u('https://internal.example/'), env), true);
  assert.equal(bypassesProxy(u('https://x.y.corp.test/'), env), true);
  assert.equal(bypassesProxy(u('http://10.0.0.1:8080/'), env), true);
  assert.equal(bypassesProxy(u('http://10.0.0.1:9090/'), env), false);
  assert.equal(bypassesProxy(u('http://[::1]:5000/'), env), true);
  assert.equal(bypassesProxy(u('https://huggingface.co/'), env), false);
  assert.equal(bypassesProxy(u('https://notinternal.example/'), env), false);
  assert.equal(bypassesProxy(u('https://huggingface.co/'), { no_proxy: '*' }), true);
  assert.equal(proxyFor(u('https://huggingface.co/'), { https_proxy: 'proxy.local:3128' })?.href, 'http://proxy.local:3128/');
  assert.equal(proxyFor(u('http://mirror.local/'), { HTTPS_PROXY: 'http://p:1' }), null, 'http targets read HTTP_PROXY');
  assert.throws(() => proxyFor(u('https://h/'), { HTTPS_PROXY: 'socks5://p:1080' }), (e) => e instanceof EngineError && e.code === 'BAD_ARGUMENT');
});

test('an http:// mirror through HTTP_PROXY: the proxy gets the absolute URL', async () => {
  proxy.seen.length = 0;
  assert.deepEqual(await get(plain.base, { HTTP_PROXY: proxy.url }), tokenizer);
  assert.deepEqual(proxy.seen.map((s) => s.method), ['GET']);
  assert.equal(proxy.seen[0]!.target, `${plain.base}/org/tiny/resolve/main/tokenizer.json`);
});

test('an https:// hub through HTTPS_PROXY: a CONNECT tunnel, TLS verified end to end, and resume works through it', async () => {
  proxy.seen.length = 0;
  secure.faults.dropAfter = { path: 'tokenizer.json', bytes: 300_000, times: 1 };
  assert.deepEqual(await get(secure.base, { HTTPS_PROXY: proxy.url }), tokenizer);
  const host = new URL(secure.base).host;
  assert.deepEqual(proxy.seen, [{ method: 'CONNECT', target: host, auth: undefined }, { method: 'CONNECT', target: host, auth: undefined }]);
  assert.match(secure.requests.at(-1)!.range ?? '', /^bytes=\d+-$/);
  await assert.rejects(get(secure.base, { HTTPS_PROXY: proxy.url }, { ca: undefined }),
    (e) => e instanceof EngineError && e.code === 'DOWNLOAD_FAILED' && /certificate.*NODE_EXTRA_CA_CERTS/.test(e.message), 'an untrusted certificate is refused, not retried');
});

test('NO_PROXY sends a matching host direct; proxy credentials from the URL are sent; a refused tunnel is DOWNLOAD_FAILED', async () => {
  proxy.seen.length = 0;
  assert.deepEqual(await get(secure.base, { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }), tokenizer);
  assert.equal(proxy.seen.length, 0);
  const authed = await startProxy({ requireAuth: 'me:s3cret' });
  try {
    const withCreds = authed.url.replace('http://', 'http://me:s3cret@');
    assert.deepEqual(await get(secure.base, { https_proxy: withCreds }), tokenizer);
    assert.equal(authed.seen[0]!.auth, `Basic ${Buffer.from('me:s3cret').toString('base64')}`);
    await assert.rejects(get(secure.base, { https_proxy: authed.url }), (e) => e instanceof EngineError && e.code === 'DOWNLOAD_FAILED' && /HTTP 407/.test(e.message));
  } finally {
    await authed.close();
  }
});
