/**
 * scripts/before-pack.mjs, electron-builder's beforePack hook: on a temporary project laid out like
 * this one (real ELF binaries from onnxruntime-node stand in for the binding, so the header check is
 * exercised), it passes when every native file of the target is there, names each missing one with
 * the command that makes it, refuses a binding of another arch, and removes stale native folders.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, tempDir } from '../helpers/shared.js';

interface Target { root: string; electronVersion: string; platform: string; arch: string }
interface BeforePack {
  checkPack(t: Target): string[];
  staleNativeDirs(t: Target): string[];
  BUILD_OUTPUTS: string[];
  default(context: { electronPlatformName: string; arch: number; packager: { projectDir: string; config: { electronVersion?: string } } }): Promise<void>;
}
const hook = (await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'before-pack.mjs')).href)) as BeforePack;

const ORT = join(REPO_ROOT, 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6');
const V = '40.8.5';

function put(root: string, rel: string, from?: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  if (from) copyFileSync(from, join(root, rel));
  else writeFileSync(join(root, rel), 'x');
}

/** A project with everything a linux-x64 pack needs. */
function project(): Target {
  const root = tempDir('delve-beforepack-');
  for (const f of hook.BUILD_OUTPUTS) put(root, f);
  put(root, `native/electron-${V}-linux-x64/better_sqlite3.node`, join(ORT, 'linux', 'x64', 'onnxruntime_binding.node'));
  put(root, 'node_modules/sqlite-vec-linux-x64/vec0.so');
  put(root, 'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node');
  put(root, 'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1');
  return { root, electronVersion: V, platform: 'linux', arch: 'x64' };
}

test('a complete project passes', () => {
  assert.deepEqual(hook.checkPack(project()), []);
});

test('a missing Electron binding is named with its path and the command that builds it', () => {
  const t = project();
  rmSync(join(t.root, 'native'), { recursive: true });
  const [problem, ...rest] = hook.checkPack(t);
  assert.equal(rest.length, 0);
  assert.match(problem!, /Electron 40\.8\.5 build of better-sqlite3 for linux-x64 is missing/);
  assert.match(problem!, /native[\\/]electron-40\.8\.5-linux-x64[\\/]better_sqlite3\.node/);
  assert.match(problem!, /npm run rebuild:electron/);
});

test('a binding of another arch is refused', () => {
  const t = project();
  put(t.root, `native/electron-${V}-linux-x64/better_sqlite3.node`, join(ORT, 'linux', 'arm64', 'onnxruntime_binding.node'));
  assert.match(hook.checkPack(t).join('\n'), /is not a linux-x64 binary \(it is linux-arm64\)/);
  put(t.root, `native/electron-${V}-linux-x64/better_sqlite3.node`, join(ORT, 'win32', 'x64', 'onnxruntime_binding.node'));
  assert.match(hook.checkPack(t).join('\n'), /is not a linux-x64 binary \(it is win32-x64\)/);
});

test('missing sqlite-vec and onnxruntime binaries are each named', () => {
  const t = project();
  rmSync(join(t.root, 'node_modules', 'sqlite-vec-linux-x64'), { recursive: true });
  rmSync(join(t.root, 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6', 'linux', 'x64', 'libonnxruntime.so.1'));
  const problems = hook.checkPack(t);
  assert.equal(problems.length, 2);
  assert.match(problems[0]!, /sqlite-vec has no linux-x64 build here \(node_modules[\\/]sqlite-vec-linux-x64[\\/]vec0\.so missing\)/);
  assert.match(problems[1]!, /onnxruntime-node has no linux-x64 binaries \(.*libonnxruntime\.so\.1 missing\)/);
});

test('an Intel Mac target is refused with the reason (no onnxruntime for darwin-x64)', () => {
  const t = { ...project(), platform: 'darwin', arch: 'x64' };
  const problems = hook.checkPack(t).join('\n');
  assert.match(problems, /sqlite-vec-darwin-x64/);
  assert.match(problems, /onnxruntime-node 1\.30 ships none for Intel Macs/);
});

test('an unbuilt app is refused with "npm run build"', () => {
  const t = project();
  rmSync(join(t.root, 'dist', 'preload'), { recursive: true });
  rmSync(join(t.root, 'renderer', 'dist', 'pdfjs'), { recursive: true });
  const [problem] = hook.checkPack(t);
  assert.match(problem!, /dist\/preload\/index\.cjs, renderer\/dist\/pdfjs\/wasm\/openjpeg\.wasm.* missing\): run "npm run build"/);
});

test('the hook removes stale native folders, keeps the target\'s, and throws when something is missing', async () => {
  const t = project();
  put(t.root, 'native/electron-39.2.0-linux-x64/better_sqlite3.node');
  put(t.root, `native/electron-${V}-linux-arm64/better_sqlite3.node`);
  put(t.root, 'native/status.json');
  assert.deepEqual(hook.staleNativeDirs(t).sort(), [join('native', 'electron-39.2.0-linux-x64'), join('native', `electron-${V}-linux-arm64`)]);
  const context = { electronPlatformName: 'linux', arch: 1, packager: { projectDir: t.root, config: { electronVersion: V } } };
  await hook.default(context);
  assert.equal(existsSync(join(t.root, 'native', 'electron-39.2.0-linux-x64')), false);
  assert.equal(existsSync(join(t.root, 'native', `electron-${V}-linux-arm64`)), false);
  assert.equal(existsSync(join(t.root, 'native', `electron-${V}-linux-x64`, 'better_sqlite3.node')), true);
  assert.equal(existsSync(join(t.root, 'native', 'status.json')), true);

  // arm64 (Arch 3): its binding was just removed as stale for x64, and nothing else is there.
  await assert.rejects(hook.default({ ...context, arch: 3 }), (err: Error) => {
    assert.match(err.message, /^Delve cannot be packed for linux-arm64:/);
    assert.match(err.message, /better-sqlite3 for linux-arm64 is missing.*--arch=arm64|better-sqlite3 for linux-arm64 is missing/);
    assert.match(err.message, /sqlite-vec-linux-arm64/);
    assert.match(err.message, /onnxruntime-node has no linux-arm64 binaries/);
    return true;
  });
});
