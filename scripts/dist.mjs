#!/usr/bin/env node
/**
 * npm run dist: builds everything (tsc, the preload bundle, the renderer with pdf.js's assets), then
 * runs electron-builder for this platform and arch only (targets in electron-builder.yml; the
 * beforePack hook, scripts/before-pack.mjs, refuses to pack when a native file is missing). Says
 * what is signed and notarised and what is not (scripts/signing.mjs). Extra arguments go to
 * electron-builder, e.g. `npm run dist -- --dir` for an unpacked folder only.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signingPlan } from './signing.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PLATFORM_FLAG = { linux: '--linux', darwin: '--mac', win32: '--win' };
const ARCHES = new Set(['x64', 'arm64']);

const flag = PLATFORM_FLAG[process.platform];
if (!flag || !ARCHES.has(process.arch)) {
  console.error(`delve: no packaging for ${process.platform}-${process.arch}`);
  process.exit(1);
}
if (process.platform === 'darwin' && process.arch !== 'arm64') {
  console.error('delve: macOS packages are built for Apple silicon only (onnxruntime-node ships no darwin-x64 binaries); build on an arm64 Mac');
  process.exit(1);
}

const run = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npm', ['run', 'build']);
const plan = signingPlan(process.platform, process.env);
for (const line of plan.lines) console.log(`delve: ${line}`);
const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
run(process.execPath, [builder, flag, `--${process.arch}`, '--publish', 'never', ...process.argv.slice(2)], { ...process.env, ...plan.env });
