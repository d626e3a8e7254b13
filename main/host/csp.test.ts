import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../test/helpers/shared.js';
import { CSP, META_CSP } from './csp.js';

const directive = (policy: string, name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

test('scripts only from the app; WebAssembly compilation allowed for pdf.js, JavaScript eval not', () => {
  assert.equal(directive(CSP, 'script-src'), "script-src 'self' 'wasm-unsafe-eval'");
  assert.doesNotMatch(CSP, /'unsafe-eval'/);
  assert.equal(directive(CSP, 'default-src'), "default-src 'self'");
  assert.equal(directive(CSP, 'connect-src'), "connect-src 'self'", 'pdf.js fetches its wasm, CMaps and fonts from the app only');
  assert.equal(directive(CSP, 'object-src'), "object-src 'none'");
});

test('the meta tag of renderer/index.html carries the same policy', () => {
  const html = readFileSync(join(REPO_ROOT, 'renderer', 'index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  assert.equal(meta, META_CSP);
});
