/**
 * onnxruntime-node's postinstall downloads CUDA providers on Linux x64 from NuGet, failing
 * `npm install` where that host is unreachable. The project's .npmrc turns it off
 * (onnxruntime-node-install=skip); ONNXRUNTIME_NODE_INSTALL in the environment opts back in.
 * Checked with onnxruntime-node's own flag parser, run by npm as its lifecycle scripts are.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/shared.js';

/** What onnxruntime-node's install script decides under npm, with `env` added. */
function installFlag(env: Record<string, string>): string {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(ONNXRUNTIME_NODE_INSTALL|npm_config_onnxruntime)/i.test(k)));
  const script = 'node -p "String(require(\'onnxruntime-node/script/install-utils.js\').parseInstallFlag())"';
  const r = spawnSync('npm', ['exec', '--offline', '-c', script], { cwd: REPO_ROOT, env: { ...base, ...env }, encoding: 'utf8', shell: process.platform === 'win32' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n').pop()!;
}

test('.npmrc skips the CUDA download by default', () => {
  assert.match(readFileSync(join(REPO_ROOT, '.npmrc'), 'utf8'), /^onnxruntime-node-install=skip$/m);
  assert.equal(installFlag({}), 'false', 'install.js exits at once on false');
});

test('ONNXRUNTIME_NODE_INSTALL=1 opts back in (the variable wins over .npmrc)', () => {
  assert.equal(installFlag({ ONNXRUNTIME_NODE_INSTALL: '1' }), 'true');
});
