/**
 * One-file downloads against a local stand-in for the hub serving the shared random-weight BERT:
 * verification, resume with Range (within a call and across calls), a server that ignores Range,
 * corrupted bytes, retries on 5xx, no retry on 404, a wrong size, CDN redirects, reuse, cancel.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { startHub, type Hub } from '../../../test/helpers/hub-server.js';
import { sharedDir } from '../../../test/helpers/shared.js';
import { EngineError } from '../errors.js';
import { downloadFile, type DownloadSpec } from './download.js';

const tiny = join(sharedDir(), 'models', 'bert-tiny-random');
const onnx = readFileSync(join(tiny, 'model.onnx'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const root = mkdtempSync(join(tmpdir(), 'delve-download-'));
let hub: Hub;
let n = 0;

before(async () => { hub = await startHub({ 'test-org/bert-tiny': tiny }); });
after(async () => { await hub.close(); rmSync(root, { recursive: true, force: true }); });
beforeEach(() => {
  for (const k of Object.keys(hub.faults)) delete hub.faults[k as keyof typeof hub.faults];
  hub.requests.length = 0;
});

function spec(over: Partial<DownloadSpec> = {}): DownloadSpec {
  return {
    url: `${hub.base}/test-org/bert-tiny/resolve/main/model.onnx`, dest: join(root, `d${n++}`, 'onnx', 'model.onnx'),
    sha256: sha(onnx), bytes: onnx.length, label: 'onnx/model.onnx', ...over,
  };
}

const code = (c: string) => (err: unknown) => err instanceof EngineError && err.code === c;

test('a fresh download is renamed into place only once verified; progress rises to the size', async () => {
  const s = spec();
  const seen: number[] = [];
  const r = await downloadFile(s, { onProgress: (b) => seen.push(b) });
  assert.equal(sha(readFileSync(s.dest)), s.sha256);
  assert.ok(!existsSync(`${s.dest}.part`) && !existsSync(`${s.dest}.part.json`));
  assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
  assert.equal(seen.at(-1), onnx.length);
  assert.deepEqual({ transferred: r.transferred, resumedFrom: r.resumedFrom, requests: r.requests, reused: r.reused }, { transferred: onnx.length, resumedFrom: 0, requests: 1, reused: false });
});

test('a connection dropped halfway is retried with Range: bytes=N- and not downloaded twice', async () => {
  hub.faults.dropAfter = { path: 'model.onnx', bytes: 1_500_000, times: 1 };
  const s = spec();
  const r = await downloadFile(s, { retryDelayMs: 5 });
  assert.equal(sha(readFileSync(s.dest)), s.sha256);
  assert.equal(hub.requests.length, 2);
  const resumed = hub.requests[1]!;
  assert.equal(resumed.status, 206);
  assert.match(resumed.range ?? '', /^bytes=\d+-$/);
  const from = Number(/\d+/.exec(resumed.range!)![0]);
  assert.ok(from > 0 && from <= 1_500_000, `resumed from ${from}`);
  assert.equal(r.resumedFrom, from);
  assert.ok(hub.sentFor('model.onnx') < 2 * onnx.length, `${hub.sentFor('model.onnx')} bytes sent for a ${onnx.length}-byte file`);
});

test('across calls: a failed call keeps the .part; the next one resumes it with Range and If-Range (the ETag)', async () => {
  hub.faults.dropAfter = { path: 'model.onnx', bytes: 1_000_000, times: 1 };
  const s = spec();
  await assert.rejects(downloadFile(s, { retries: 0 }), (e) => code('DOWNLOAD_FAILED')(e) && /kept and pull resumes/.test((e as Error).message));
  const kept = statSync(`${s.dest}.part`).size;
  assert.ok(kept > 0 && !existsSync(s.dest));
  const etag = `"${sha(onnx)}"`;
  const r = await downloadFile(s, {});
  assert.equal(sha(readFileSync(s.dest)), s.sha256);
  assert.equal(hub.requests[1]!.range, `bytes=${kept}-`);
  assert.equal(hub.requests[1]!.ifRange, etag);
  assert.equal(r.transferred, onnx.length - kept);
});

test('a server that ignores Range (200 instead of 206) restarts from byte 0 and still verifies', async () => {
  hub.faults.dropAfter = { path: 'model.onnx', bytes: 800_000, times: 1 };
  const s = spec();
  await assert.rejects(downloadFile(s, { retries: 0 }), code('DOWNLOAD_FAILED'));
  hub.faults.ignoreRange = true;
  const r = await downloadFile(s, {});
  assert.equal(sha(readFileSync(s.dest)), s.sha256);
  assert.match(hub.requests[1]!.range ?? '', /^bytes=/);
  assert.equal(hub.requests[1]!.status, 200);
  assert.equal(r.resumedFrom, 0);
  assert.equal(r.transferred, onnx.length);
});

test('wrong bytes: CHECKSUM_MISMATCH names the file and both hashes, and nothing is left on disk', async () => {
  hub.faults.corrupt = 'model.onnx';
  const s = spec();
  await assert.rejects(downloadFile(s, { retryDelayMs: 5 }), (e) => code('CHECKSUM_MISMATCH')(e)
    && (e as Error).message.includes('onnx/model.onnx') && (e as Error).message.includes(s.sha256) && /deleted, run pull again/.test((e as Error).message));
  assert.equal(hub.requests.length, 1, 'a checksum mismatch is not retried');
  assert.ok(!existsSync(s.dest) && !existsSync(`${s.dest}.part`) && !existsSync(`${s.dest}.part.json`));
});

test('5xx is retried with backoff; 404 fails at once with DOWNLOAD_FAILED', async () => {
  hub.faults.fail = { path: 'model.onnx', status: 503, times: 2 };
  const retries: number[] = [];
  const s = spec();
  await downloadFile(s, { retryDelayMs: 5, onRetry: (r) => retries.push(r.attempt) });
  assert.deepEqual(retries, [1, 2]);
  assert.deepEqual(hub.requests.map((r) => r.status), [503, 503, 200]);
  hub.requests.length = 0;
  await assert.rejects(downloadFile(spec({ url: `${hub.base}/test-org/bert-tiny/resolve/main/missing.onnx` }), { retryDelayMs: 5 }),
    (e) => code('DOWNLOAD_FAILED')(e) && /HTTP 404/.test((e as Error).message));
  assert.equal(hub.requests.length, 1);
});

test('a server file of another size fails with CHECKSUM_MISMATCH before the body is kept', async () => {
  const s = spec({ bytes: onnx.length + 1 });
  await assert.rejects(downloadFile(s, { retryDelayMs: 5 }), (e) => code('CHECKSUM_MISMATCH')(e) && /expected \d+ bytes, the server has \d+/.test((e as Error).message));
  assert.ok(!existsSync(`${s.dest}.part`));
});

test('redirects (resolve/ → a CDN path, relative Location) are followed, Range included', async () => {
  hub.faults.redirect = true;
  hub.faults.dropAfter = { path: 'model.onnx', bytes: 600_000, times: 1 };
  const s = spec();
  await downloadFile(s, { retryDelayMs: 5 });
  assert.equal(sha(readFileSync(s.dest)), s.sha256);
  const cdn = hub.requests.filter((r) => r.path.startsWith('/cdn/'));
  assert.equal(cdn.length, 2);
  assert.match(cdn[1]!.range ?? '', /^bytes=\d+-$/);
});

test('a file already in place and intact is reused without a request; a damaged one is fetched again', async () => {
  const s = spec();
  await downloadFile(s, {});
  hub.requests.length = 0;
  assert.equal((await downloadFile(s, {})).reused, true);
  assert.equal(hub.requests.length, 0);
  writeFileSync(s.dest, Buffer.alloc(onnx.length));
  const r = await downloadFile(s, {});
  assert.equal(r.reused, false);
  assert.equal(sha(readFileSync(s.dest)), s.sha256);
});

test('cancel: an aborted download throws CANCELLED and keeps its .part for the next call', async () => {
  hub.faults.slow = { chunk: 256 * 1024, delayMs: 10 };
  const s = spec();
  const ac = new AbortController();
  await assert.rejects(downloadFile(s, { signal: ac.signal, onProgress: (b) => { if (b > 1_000_000) ac.abort(); } }), code('CANCELLED'));
  assert.ok(statSync(`${s.dest}.part`).size > 0 && !existsSync(s.dest));
  delete hub.faults.slow;
  const r = await downloadFile(s, {});
  assert.ok(r.resumedFrom > 0);
  assert.equal(sha(readFileSync(s.dest)), s.sha256);
});

test('a stalled connection times out (idle timeout), is retried from the .part, and finally fails with DOWNLOAD_FAILED', async () => {
  hub.faults.slow = { chunk: 512 * 1024, delayMs: 600 };
  const s = spec();
  const retries: string[] = [];
  await assert.rejects(downloadFile(s, { timeoutMs: 150, retries: 1, retryDelayMs: 5, onRetry: (r) => retries.push(r.error) }),
    (e) => code('DOWNLOAD_FAILED')(e) && /no data from 127\.0\.0\.1:\d+ for 150 ms.*after 2 tries/.test((e as Error).message));
  assert.equal(retries.length, 1);
  assert.match(hub.requests[1]!.range ?? '', /^bytes=\d+-$/, 'the retry resumed what the stalled try had received');
});
