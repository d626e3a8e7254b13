/**
 * `import`: a bare export folder (settings inferred, every file hashed into a new manifest.json), a
 * folder imported under a catalog id (the catalog's pooling and templates; its pinned hashes must
 * match), a folder that has its own manifest.json, and the refusals (not a model, a wrong file).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sharedDir } from '../../../test/helpers/shared.js';
import { EngineError } from '../errors.js';
import { loadModelFolder } from './folder.js';
import { importModel, listModels, type ModelManagerOptions } from './manager.js';

const tiny = join(sharedDir(), 'models', 'bert-tiny-random');
const root = mkdtempSync(join(tmpdir(), 'delve-import-'));
after(() => rmSync(root, { recursive: true, force: true }));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const code = (c: string, re?: RegExp) => (e: unknown) => e instanceof EngineError && e.code === c && (!re || re.test(e.message));

const catalogDir = join(root, 'catalog');
mkdirSync(catalogDir);
const base = (id: string, extra: Record<string, unknown>) => writeFileSync(join(catalogDir, `${id}.json`), JSON.stringify({
  id, name: id, license: 'test', source: { repo: 'org/repo', revision: 'main' }, files: [], pinned: false,
  onnx: 'onnx/model.onnx', dims: 32, pooling: 'cls', normalize: true, maxTokens: 64, paddingSide: 'left',
  templates: { query: 'Instruct: {task}\nQuery:{text}', document: '{text}' }, task: 'find it', ...extra,
}));
base('tiny-cls', {});
base('tiny-pinned', {
  pinned: true, pooling: 'mean', onnx: 'model.onnx',
  files: ['model.onnx', 'tokenizer.json', 'config.json'].map((p) => ({ path: p, url: `{base}/org/repo/resolve/main/${p}`, sha256: sha(join(tiny, p)), bytes: statSync(join(tiny, p)).size })),
});

let n = 0;
const opts = (): ModelManagerOptions => ({ dataDir: join(root, `data${n++}`), catalogDir, env: {} });
function exportFolder(name: string): string {
  const dir = join(root, name);
  cpSync(tiny, dir, { recursive: true });
  return dir;
}

test('a bare export folder: copied, every file hashed into manifest.json, settings inferred, listed as installed', async () => {
  const o = opts();
  const src = exportFolder('My-Export');
  mkdirSync(join(src, '.cache'));
  writeFileSync(join(src, '.cache', 'junk'), 'x');
  writeFileSync(join(src, 'model.onnx.part'), 'partial');
  const r = await importModel(src, {}, o);
  assert.equal(r.id, 'my-export');
  const dir = join(o.dataDir, 'models', 'my-export');
  assert.equal(r.dir, dir);
  const names = readdirSync(tiny).sort();
  assert.deepEqual(readdirSync(dir).sort(), [...names, 'manifest.json'].sort(), 'hidden entries and partial downloads are not copied');
  const m = (await loadModelFolder(dir)).manifest;
  assert.equal(m.pinned, true);
  assert.deepEqual(m.files.map((f) => [f.path, f.sha256, f.bytes]), names.map((f) => [f, sha(join(tiny, f)), statSync(join(tiny, f)).size]));
  assert.ok(m.files.every((f) => f.url.startsWith('file://')));
  assert.deepEqual([m.dims, m.pooling, m.onnx], [32, 'mean', 'model.onnx']);
  const row = listModels(o).find((x) => x.id === 'my-export')!;
  assert.deepEqual([row.installed, row.inCatalog, row.pullable], [true, false, false]);
  assert.deepEqual(readdirSync(join(o.dataDir, 'models')).filter((f) => f.startsWith('.')), []);
});

test('--id of a catalog model: its pooling, padding, templates and task are used; the ONNX path is found in the folder', async () => {
  const o = opts();
  const r = await importModel(exportFolder('for-cls'), { id: 'tiny-cls' }, o);
  const m = (await loadModelFolder(r.dir)).manifest;
  assert.deepEqual([m.id, m.pooling, m.paddingSide, m.templates.query, m.task, m.onnx, m.maxTokens], ['tiny-cls', 'cls', 'left', 'Instruct: {task}\nQuery:{text}', 'find it', 'model.onnx', 64]);
  assert.deepEqual(m.source, { repo: 'org/repo', revision: 'main' });
  assert.equal(listModels(o).find((x) => x.id === 'tiny-cls')!.installed, true);
});

test('--id of a pinned catalog model: matching files import; a file that differs is CHECKSUM_MISMATCH and nothing is installed', async () => {
  const o = opts();
  await importModel(exportFolder('pinned-ok'), { id: 'tiny-pinned' }, o);
  const o2 = opts();
  const bad = exportFolder('pinned-bad');
  writeFileSync(join(bad, 'config.json'), readFileSync(join(bad, 'config.json'), 'utf8').replace('}', ', "edited": true}'));
  await assert.rejects(importModel(bad, { id: 'tiny-pinned' }, o2), code('CHECKSUM_MISMATCH', /config\.json: expected sha256 .*nothing was imported/));
  assert.deepEqual(existsSync(join(o2.dataDir, 'models')) ? readdirSync(join(o2.dataDir, 'models')) : [], []);
});

test('a folder with its own manifest.json keeps its settings; --id renames; re-importing replaces the install', async () => {
  const o = opts();
  const first = await importModel(exportFolder('own'), { id: 'tiny-cls' }, o);
  const r = await importModel(first.dir, { id: 'copy' }, o);
  const m = (await loadModelFolder(r.dir)).manifest;
  assert.deepEqual([m.id, m.pooling, m.task], ['copy', 'cls', 'find it']);
  await importModel(exportFolder('own2'), { id: 'copy' }, o);
  assert.equal((await loadModelFolder(r.dir)).manifest.pooling, 'mean', 'the second import replaced the first');
  await assert.rejects(importModel(r.dir, { id: 'copy' }, o), code('BAD_ARGUMENT', /already the installed model/));
});

test('refusals: not a folder, not a model folder, a bad id', async () => {
  const o = opts();
  await assert.rejects(importModel(join(root, 'missing'), {}, o), code('FILE_NOT_FOUND'));
  const empty = join(root, 'empty');
  mkdirSync(empty);
  writeFileSync(join(empty, 'readme.txt'), 'hi');
  await assert.rejects(importModel(empty, {}, o), code('MODEL_INVALID', /not a model folder/));
  await assert.rejects(importModel(exportFolder('bad-id'), { id: 'Bad Id' }, o), code('BAD_ARGUMENT'));
});
