/** A failed download in plain words: network failures become HUB_UNREACHABLE naming the hub and the import way out. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pullFailure } from './model-words.js';

test('connection refused, DNS and timeouts name the hub, the tries and Import model folder; other errors stay as they are', () => {
  for (const raw of ['special_tokens_map.json: connect ECONNREFUSED 127.0.0.1:443 (after 6 tries); the partial download is kept and pull resumes it',
    'config.json: getaddrinfo ENOTFOUND huggingface.co (after 6 tries)', 'model.onnx: fetch failed (after 6 tries)']) {
    const e = pullFailure({ code: 'DOWNLOAD_FAILED', message: raw }, 'https://huggingface.co', 6);
    assert.equal(e.code, 'HUB_UNREACHABLE');
    assert.match(e.message, /^The model hub \(https:\/\/huggingface\.co\) cannot be reached: .* Delve tried 6 times; .* use “Import model folder…”\.$/);
    assert.doesNotMatch(e.message, /ECONNREFUSED|ENOTFOUND|fetch failed|pull resumes/);
  }
  const checksum = { code: 'CHECKSUM_MISMATCH' as const, message: 'model.onnx: expected sha256 …' };
  assert.equal(pullFailure(checksum, 'https://huggingface.co', 6), checksum);
  const http404 = { code: 'DOWNLOAD_FAILED' as const, message: 'model.onnx: HTTP 404 Not Found' };
  assert.equal(pullFailure(http404, 'https://huggingface.co', 6), http404);
});
