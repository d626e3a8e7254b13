/**
 * The repository's models/ catalog: every manifest parses, ids are unique and match file names,
 * exactly one is the default, URLs follow the hub layout, and the pinned hashes are the real ones
 * (MiniLM's small files against ../shared, its ONNX graphs against the hub's LFS pointers). Also the
 * catalog's own checks: duplicate ids, a broken manifest, a pinned file without a hash.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { REPO_ROOT, sharedDir } from '../../../test/helpers/shared.js';
import { DEFAULT_MODEL_ID } from '../cli/embedding-config.js';
import { EngineError } from '../errors.js';
import { defaultCatalogDir, loadCatalog } from './catalog.js';

const dir = join(REPO_ROOT, 'models');
const shared = join(sharedDir(), 'models', 'all-MiniLM-L6-v2');
const tmp = mkdtempSync(join(tmpdir(), 'delve-catalog-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function lfsPointer(name: string): { sha256: string; bytes: number } {
  const text = readFileSync(join(shared, 'hub-files', `${name}.LFS-POINTER.txt`), 'utf8');
  return { sha256: /oid sha256:([0-9a-f]{64})/.exec(text)![1]!, bytes: Number(/size (\d+)/.exec(text)![1]) };
}

test('the catalog is found beside dist/ and every models/*.json parses; ids are unique, match file names, one default', () => {
  assert.equal(defaultCatalogDir({}), dir);
  assert.equal(defaultCatalogDir({ DELVE_MODEL_CATALOG: '/elsewhere' }), '/elsewhere');
  const catalog = loadCatalog(dir);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  assert.equal(catalog.length, files.length);
  assert.deepEqual(catalog.map((m) => `${m.id}.json`).sort(), files);
  assert.equal(new Set(catalog.map((m) => m.id)).size, catalog.length);
  const defaults = catalog.filter((m) => m.default);
  assert.equal(defaults.length, 1);
  assert.equal(defaults[0]!.id, DEFAULT_MODEL_ID);
  assert.equal(catalog[0]!.id, DEFAULT_MODEL_ID, 'the default model is listed first');
  for (const m of catalog) {
    for (const f of m.files) assert.equal(f.url, `{base}/${m.source.repo}/resolve/${m.source.revision}/${f.path}`, `${m.id}: ${f.path}`);
    if (m.pinned) {
      assert.ok(m.files.some((f) => f.path === m.onnx), `${m.id} lists its ONNX graph`);
      if (m.int8) assert.ok(m.files.some((f) => f.path === m.int8), `${m.id} lists its int8 graph`);
      assert.ok(m.files.some((f) => f.path === 'tokenizer.json'), `${m.id} lists tokenizer.json`);
    } else {
      assert.ok(m.files.every((f) => f.sha256 === undefined && f.bytes === undefined), `${m.id}: an unpinned manifest carries no guessed hash`);
      assert.ok(m.notes || m.conversion, `${m.id} says why it is not pinned and what to do`);
    }
    assert.ok(m.templates.query.includes('{text}') && m.templates.document.includes('{text}'));
  }
});

test('the MiniLM manifests pin the genuine hub files: small files = ../shared, ONNX graphs = the LFS pointers', () => {
  const catalog = loadCatalog(dir);
  const graphs: Record<string, string> = { 'onnx/model.onnx': 'model.onnx', 'onnx/model_quantized.onnx': 'model_quantized.onnx' };
  const check = (id: string, onnx: string, pointer: string, int8?: string) => {
    const m = catalog.find((c) => c.id === id)!;
    assert.equal(m.pinned, true);
    assert.deepEqual({ dims: m.dims, pooling: m.pooling, normalize: m.normalize, maxTokens: m.maxTokens, onnx: m.onnx, int8: m.int8 }, { dims: 384, pooling: 'mean', normalize: true, maxTokens: 256, onnx, int8 });
    assert.equal(graphs[onnx], pointer);
    if (int8) assert.ok(m.files.some((f) => f.path === int8), `${id} lists its int8 graph`);
    for (const f of m.files) {
      if (graphs[f.path]) { assert.deepEqual({ sha256: f.sha256, bytes: f.bytes }, lfsPointer(graphs[f.path]!)); continue; }
      const real = readFileSync(join(shared, f.path));
      assert.equal(f.sha256, createHash('sha256').update(real).digest('hex'), f.path);
      assert.equal(f.bytes, statSync(join(shared, f.path)).size, f.path);
    }
  };
  check('all-minilm-l6-v2', 'onnx/model.onnx', 'model.onnx', 'onnx/model_quantized.onnx');
  check('all-minilm-l6-v2-int8', 'onnx/model_quantized.onnx', 'model_quantized.onnx');
});

test('the other manifests: BGE (CLS, query instruction), Qwen3 and DIVER (last token, left padding, instruction with a task)', () => {
  const byId = new Map(loadCatalog(dir).map((m) => [m.id, m]));
  const bge = byId.get('bge-small-en-v1.5')!;
  assert.deepEqual([bge.dims, bge.pooling, bge.maxTokens, bge.license], [384, 'cls', 512, 'MIT']);
  assert.equal(bge.templates.query, 'Represent this sentence for searching relevant passages: {text}');
  for (const id of ['qwen3-embedding-0.6b', 'diver-retriever-0.6b']) {
    const m = byId.get(id)!;
    assert.deepEqual([m.dims, m.pooling, m.paddingSide, m.normalize], [1024, 'last-token', 'left', true]);
    assert.equal(m.templates.query, 'Instruct: {task}\nQuery:{text}');
    assert.equal(m.task, 'Given a web search query, retrieve relevant passages that answer the query');
  }
  assert.match(byId.get('diver-retriever-0.6b')!.conversion ?? '', /optimum-cli export onnx --model AQ-MedAI\/Diver-Retriever-0\.6B.*delve models import/s);
});

test('a catalog with a duplicate id, a broken manifest, or a pinned file without a hash is refused as MODEL_INVALID', () => {
  const good = JSON.parse(readFileSync(join(dir, 'all-minilm-l6-v2.json'), 'utf8')) as Record<string, unknown>;
  const write = (sub: string, files: Record<string, unknown>) => {
    const d = join(tmp, sub);
    for (const [name, v] of Object.entries(files)) { mkdirSync(d, { recursive: true }); writeFileSync(join(d, name), typeof v === 'string' ? v : JSON.stringify(v)); }
    return d;
  };
  const invalid = (d: string, re: RegExp) => assert.throws(() => loadCatalog(d), (e) => e instanceof EngineError && e.code === 'MODEL_INVALID' && re.test(e.message));
  invalid(write('dup', { 'a.json': good, 'b.json': good }), /a\.json and b\.json|b\.json and a\.json/);
  invalid(write('broken', { 'x.json': '{ not json' }), /x\.json/);
  const files = (good.files as Array<Record<string, unknown>>).map((f, i) => (i === 0 ? { path: f.path, url: f.url } : f));
  invalid(write('unpinned', { 'c.json': { ...good, files } }), /files\.0\.sha256: required unless "pinned" is false/);
  assert.equal(loadCatalog(write('ok-unpinned', { 'c.json': { ...good, files, pinned: false } }))[0]!.pinned, false);
});
