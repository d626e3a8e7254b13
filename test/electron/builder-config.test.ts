/**
 * electron-builder.yml: valid for electron-builder's own schema (its validateConfiguration), the
 * release targets and fuses Delve ships with, and file globs that match what is really on disk
 * here: every native file the app loads at run time is packed and unpacked from app.asar, the
 * model manifests go to resources/models. Globs are matched with electron-builder's own minimatch.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { nativeBindingPath } from '../../main/host/native-binding.js';
import { REPO_ROOT } from '../helpers/shared.js';

interface Target { target: string; arch?: string[] }
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  extraResources: { from: string; to: string; filter?: string[] }[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  beforePack: string;
  linux: { target: Target[]; icon?: string; maintainer?: string };
  mac: { target: Target[]; icon?: string };
  win: { target: Target[]; icon?: string };
}

const config = parse(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
// electron-builder's own modules, reached through its dependency tree (app-builder-lib).
const builderRequire = createRequire(createRequire(join(REPO_ROOT, 'package.json')).resolve('electron-builder/package.json'));
const libRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'));
const { Minimatch } = libRequire('minimatch') as { Minimatch: new (p: string, o: object) => { match(f: string): boolean; negate: boolean } };

const posix = (p: string) => p.split(sep).join('/');
const glob = (pattern: string) => new Minimatch(pattern, { dot: true });
/** electron-builder's rule: later patterns win; a leading "!" excludes. */
function packed(file: string, patterns: readonly string[]): boolean {
  let inc = false;
  for (const p of patterns) {
    if (p.startsWith('!')) { if (glob(p.slice(1)).match(file)) inc = false; }
    else if (glob(p).match(file)) inc = true;
  }
  return inc;
}
const unpacked = (file: string) => config.asarUnpack.some((p) => glob(p.replaceAll('${platform}', process.platform).replaceAll('${arch}', process.arch)).match(file));

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(posix(relative(REPO_ROOT, p)));
  }
  return out;
}

test('electron-builder accepts the configuration (its JSON schema and checks)', async () => {
  const { validateConfiguration } = libRequire('./out/util/config/config.js') as { validateConfiguration(c: unknown, l: unknown): Promise<void> };
  const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  await validateConfiguration(config, new DebugLogger(false));
  // The validator is real: an unknown fuse is refused.
  await assert.rejects(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNodeTypo: false } }, new DebugLogger(false)));
});

test('identity and release targets', () => {
  assert.equal(config.appId, 'org.delve.app');
  assert.equal(config.productName, 'Delve');
  const names = (ts: Target[]) => ts.map((t) => t.target);
  assert.deepEqual(names(config.linux.target).sort(), ['AppImage', 'deb']);
  assert.deepEqual(names(config.win.target), ['nsis']);
  // Apple silicon only: onnxruntime-node ships no darwin-x64 binaries (electron-builder.yml).
  const dmg = config.mac.target.find((t) => t.target === 'dmg');
  assert.deepEqual(dmg?.arch, ['arm64']);
  // The deb first: it installs the AppArmor profile Chromium's sandbox needs on Ubuntu 24.04+.
  assert.equal(config.linux.target[0]?.target, 'deb');
  assert.equal(config.beforePack, './scripts/before-pack.mjs');
});

test('icons for every target are in build/ and are what their names say', () => {
  const icon = (p: string) => readFileSync(join(REPO_ROOT, p));
  assert.equal(icon(config.mac.icon!).subarray(0, 4).toString('latin1'), 'icns');
  assert.deepEqual([...icon(config.win.icon!).subarray(0, 4)], [0, 0, 1, 0], 'an ICO header');
  const sizes = readdirSync(join(REPO_ROOT, config.linux.icon!)).map((f) => /^(\d+)x\1\.png$/.exec(f)?.[1]).filter(Boolean).map(Number);
  assert.ok(sizes.includes(256) && sizes.includes(512), `linux icon sizes ${sizes.join(', ')}`);
  for (const n of sizes) {
    const png = icon(`${config.linux.icon}/${n}x${n}.png`);
    assert.equal(png.readUInt32BE(16), n, `${n}x${n}.png is ${png.readUInt32BE(16)} wide`);
  }
});

test('fuses for release', () => {
  assert.deepEqual(config.electronFuses, {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
    resetAdHocDarwinSignature: true,
  });
});

test('files: the compiled app and renderer ship, tests and source maps do not', () => {
  assert.equal(config.asar, true);
  assert.equal(config.npmRebuild, false);
  for (const f of ['package.json', 'dist/main/index.js', 'dist/main/host/engine-server.js', 'dist/preload/index.cjs', 'renderer/dist/index.html', 'renderer/dist/assets/index-abc.js']) {
    assert.ok(packed(f, config.files), `${f} is packed`);
  }
  for (const f of ['dist/test/bench/ingest.bench.js', 'dist/main/host/app-url.test.js', 'dist/main/index.js.map', 'main/index.ts', 'native/status.json', 'native/build.log']) {
    assert.ok(!packed(f, config.files), `${f} is left out`);
  }
  // The trimming of better-sqlite3 keeps its JavaScript.
  assert.ok(!packed('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', config.files));
  assert.ok(!packed('node_modules/better-sqlite3/build/Release/test_extension.node', config.files));
});

test('every asarUnpack glob matches files that exist here (where they exist on this platform)', () => {
  const nm = walk(join(REPO_ROOT, 'node_modules', 'sqlite-vec-' + (process.platform === 'win32' ? 'windows' : process.platform) + '-' + process.arch))
    .concat(walk(join(REPO_ROOT, 'node_modules', 'onnxruntime-node', 'bin')), walk(join(REPO_ROOT, 'node_modules', '@embedpdf', 'pdfium', 'dist')));
  const native = walk(join(REPO_ROOT, 'native'));
  const candidates = [...nm, ...native, ...walk(join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'build'))];
  const expand = (p: string) => p.replaceAll('${platform}', process.platform).replaceAll('${arch}', process.arch);
  for (const pattern of config.asarUnpack.map(expand)) {
    const hits = candidates.filter((f) => glob(pattern).match(f));
    if (pattern.startsWith('native/') && !native.some((f) => f.endsWith('.node'))) continue; // no Electron build of better-sqlite3 here (offline install)
    assert.ok(hits.length > 0, `asarUnpack ${pattern} matches nothing on ${process.platform}-${process.arch}`);
  }
});

test('the native files the engine loads at run time are packed and unpacked', async () => {
  const sqliteVec = (await import('sqlite-vec')) as { getLoadablePath(): string };
  const pdfiumWasm = join(createRequire(join(REPO_ROOT, 'package.json')).resolve('@embedpdf/pdfium'), '..', 'pdfium.wasm');
  const ortBinding = join(REPO_ROOT, 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6', process.platform, process.arch, 'onnxruntime_binding.node');
  const runtime = [sqliteVec.getLoadablePath(), pdfiumWasm, ortBinding];
  for (const abs of runtime) {
    assert.ok(existsSync(abs), `${abs} exists`);
    const file = posix(relative(REPO_ROOT, abs));
    assert.ok(unpacked(file), `${file} is unpacked from app.asar`);
  }
  // The Electron build of better-sqlite3, at the path main/host/native-binding.ts hands the engine.
  const binding = posix(relative(REPO_ROOT, nativeBindingPath({ appPath: REPO_ROOT, electronVersion: '40.0.0', platform: process.platform, arch: process.arch })));
  assert.ok(packed(binding, config.files), `${binding} is packed`);
  assert.ok(unpacked(binding), `${binding} is unpacked`);
  // Packaged, the same function points into app.asar.unpacked.
  assert.match(nativeBindingPath({ appPath: '/opt/Delve/resources/app.asar', electronVersion: '40.0.0', platform: 'linux', arch: 'x64' }), /resources\/app\.asar\.unpacked\/native\//);
});

test('extraResources: every model manifest goes to resources/models', () => {
  const models = config.extraResources.find((r) => r.from === 'models');
  assert.equal(models?.to, 'models');
  const manifests = readdirSync(join(REPO_ROOT, 'models')).filter((f) => f.endsWith('.json'));
  assert.ok(manifests.length > 0);
  for (const f of manifests) assert.ok((models.filter ?? ['**/*']).some((p) => glob(p).match(f)), `${f} is copied`);
});

test('deb metadata: a homepage and a maintainer e-mail (fpm refuses the deb without them)', () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { homepage?: string; productName?: string; author?: { name?: string; email?: string } };
  assert.match(pkg.homepage ?? '', /^https:\/\//);
  assert.match(pkg.author?.email ?? '', /^[^@\s]+@[^@\s]+\.[a-z]+$/);
  assert.equal(pkg.productName, 'Delve');
  assert.match(config.linux.maintainer ?? '', /^.+ <[^@\s]+@[^@\s]+>$/);
});
