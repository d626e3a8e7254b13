/**
 * The files `npm run dist` would pack here (packed-files.ts: electron-builder's own matchers over
 * the built project): the preload bundle, the main process and its worker scripts, the renderer with
 * pdf.js and its wasm/, cmaps/ and standard_fonts/, this platform's native files (unpacked from
 * app.asar) and nothing of another platform, nor any test file, fixture, test server or benchmark.
 * Needs the build (npm run build): npm test builds first.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/shared.js';
import { packList, type PackList } from './packed-files.js';

const { binaryTarget } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'binary-target.mjs')).href)) as { binaryTarget(b: Buffer): { platform: string; arch: string } | null };

const NATIVE = /\.(node|so(\.\d+)*|dylib|dll)$/;
let list: PackList;
let packed: Set<string>;
const appFiles = () => list.files.filter((f) => !f.startsWith('node_modules/'));

before(() => {
  list = packList();
  packed = new Set(list.files);
});

test('the compiled main process, the preload bundle and every worker script are packed', () => {
  for (const f of ['package.json', 'dist/main/index.js', 'dist/main/host/engine-server.js', 'dist/preload/index.cjs']) {
    assert.ok(packed.has(f), `${f} is packed (run "npm run build" first)`);
  }
  // Every worker the engine starts: `new Worker(new URL('./x.js', import.meta.url))` and the index pool's script.
  const workers = ['dist/main/engine/indexing/parse-worker.js', 'dist/main/engine/search/dense/scan-worker.js', 'dist/main/engine/search/bm25/bm25-load-worker.js', 'dist/main/engine/embed/worker.js'];
  for (const f of workers) assert.ok(packed.has(f), `worker ${f} is packed`);
  const compiledWorkers = appFiles().filter((f) => /worker\.js$/.test(f));
  assert.deepEqual(compiledWorkers.filter((f) => !workers.includes(f)), [], 'a worker script the test does not know of');
});

test('the renderer is packed with pdf.js, its worker and its wasm, cmaps and standard_fonts folders', () => {
  assert.ok(packed.has('renderer/dist/index.html'));
  const assets = appFiles().filter((f) => f.startsWith('renderer/dist/assets/'));
  assert.ok(assets.some((f) => /\/index-[\w-]+\.js$/.test(f)), 'the app bundle');
  assert.ok(assets.some((f) => /\/pdfjs-[\w-]+\.js$/.test(f)), 'the pdf.js chunk');
  assert.ok(assets.some((f) => /\/pdf\.worker\.min-[\w-]+\.mjs$/.test(f)), 'the pdf.js worker');
  const pdfjsDist = join(REPO_ROOT, 'node_modules', 'pdfjs-dist');
  for (const dir of ['wasm', 'cmaps', 'standard_fonts']) {
    for (const name of readdirSync(join(pdfjsDist, dir))) {
      assert.ok(packed.has(`renderer/dist/pdfjs/${dir}/${name}`), `renderer/dist/pdfjs/${dir}/${name} is packed`);
    }
  }
  assert.ok(!appFiles().some((f) => f.endsWith('.map')), 'no source maps');
});

test('this platform\'s native files are packed and unpacked from app.asar', async (t) => {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const sqliteVec = (await import('sqlite-vec')) as { getLoadablePath(): string };
  const vec = sqliteVec.getLoadablePath().slice(REPO_ROOT.length + 1).split(/[\\/]/).join('/');
  assert.match(vec, new RegExp(`^node_modules/sqlite-vec-${os}-${process.arch}/`));
  const ortDir = `node_modules/onnxruntime-node/bin/napi-v6/${process.platform}/${process.arch}/`;
  const ort = list.files.filter((f) => f.startsWith(ortDir));
  assert.ok(ort.some((f) => f.endsWith('onnxruntime_binding.node')), `${ortDir}onnxruntime_binding.node is packed`);
  for (const f of [vec, ...ort, 'node_modules/@embedpdf/pdfium/dist/pdfium.wasm']) {
    assert.ok(packed.has(f), `${f} is packed`);
    assert.ok(list.unpacked.has(f), `${f} is unpacked from app.asar`);
  }
  const electronVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const binding = `native/electron-${electronVersion}-${process.platform}-${process.arch}/better_sqlite3.node`;
  if (existsSync(join(REPO_ROOT, binding))) {
    assert.ok(packed.has(binding) && list.unpacked.has(binding), `${binding} is packed and unpacked`);
  } else {
    t.diagnostic(`${binding} is not built here (offline install): the beforePack hook refuses to pack without it`);
  }
  // Every packed native library is unpacked (dlopen cannot read inside app.asar).
  const natives = list.files.filter((f) => NATIVE.test(f));
  assert.ok(natives.length >= 3);
  assert.deepEqual(natives.filter((f) => !list.unpacked.has(f)), [], 'native files left inside app.asar');
});

test('nothing of another platform or arch is packed', () => {
  const ortOther = list.files.filter((f) => f.startsWith('node_modules/onnxruntime-node/bin/') && !f.startsWith(`node_modules/onnxruntime-node/bin/napi-v6/${process.platform}/${process.arch}/`));
  assert.deepEqual(ortOther, [], 'onnxruntime binaries of other targets');
  assert.deepEqual(list.files.filter((f) => /^node_modules\/sqlite-vec-/.test(f) && !f.includes(`-${process.arch}/`)), []);
  // Every packed native binary, read from its header, is for this platform and arch.
  const foreign: string[] = [];
  for (const f of list.files.filter((p) => NATIVE.test(p))) {
    const target = binaryTarget(readFileSync(join(REPO_ROOT, f)).subarray(0, 4096));
    if (target === null || target.platform !== process.platform || target.arch !== process.arch) foreign.push(`${f} (${target ? `${target.platform}-${target.arch}` : 'unknown'})`);
  }
  assert.deepEqual(foreign, []);
  // Other platforms' copies that are on disk here are indeed left out.
  const others = readdirSync(join(REPO_ROOT, 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6')).filter((p) => p !== process.platform);
  assert.ok(others.length > 0, 'the test looks at real other-platform files');
});

test('no test file, fixture, test server or benchmark is packed', () => {
  const testy = appFiles().filter((f) =>
    f.startsWith('dist/test/') || f.endsWith('.test.js') || /fixture/i.test(f) || /test-server|test-mesh-server|test-fixtures/.test(f) || /bench/i.test(f)
    || f.endsWith('/shared-queries.js') || f.startsWith('test/') || f.startsWith('test-artifacts/'));
  assert.deepEqual(testy, []);
  // Sources, scripts and build resources stay out too.
  assert.deepEqual(appFiles().filter((f) => /^(main|preload|scripts|build|renderer\/src|models|native\/status)/.test(f) || f.endsWith('.ts')), []);
  // The exclusions above are real: these product-tree files exist and are test support.
  for (const f of ['dist/main/engine/pubmed/draft/test-fixtures.js', 'dist/main/engine/jobs/pool.fixture-worker.js']) {
    if (existsSync(join(REPO_ROOT, f))) assert.ok(!packed.has(f), `${f} is left out`);
  }
});
