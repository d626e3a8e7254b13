import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/shared.js';
import { DEFAULT_CHUNK_OPTIONS } from '../../engine/config.js';
import type { EngineConfig } from '../../engine/api.js';
import { createEngine } from '../../engine/index.js';
import { DEFAULT_BASE_URL } from '../../engine/app/pubmed.js';
import { toEngineConfig } from './engine-config.js';
import { createEngineService } from './index.js';
import { defaultSettings, loadSettings, mergeSettings, saveSettings } from './settings.js';

function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  const old = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  try { return fn(); } finally {
    for (const [k, v] of Object.entries(old)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

const installModel = (dataDir: string, id: string) => {
  mkdirSync(join(dataDir, 'models', id), { recursive: true });
  writeFileSync(join(dataDir, 'models', id, 'manifest.json'), '{}');
};

test('defaults: Ollama and NCBI from the environment, the engine chunking, the default model only once installed', () => {
  const dir = tempDir('delve-settings-');
  const d = withEnv({ OLLAMA_HOST: '10.0.0.5:8080', NCBI_API_KEY: 'abc', NCBI_EMAIL: 'me@example.org' }, () => defaultSettings(dir));
  assert.deepEqual(d, {
    ollama: { host: 'http://10.0.0.5:8080', expander: '', rewriter: '', judge: '', embedder: '' },
    embeddingModel: null, provider: 'auto',
    chunking: { size: DEFAULT_CHUNK_OPTIONS.targetChars, overlap: DEFAULT_CHUNK_OPTIONS.overlapChars },
    ranking: { k1: 1.5, b: 0.75, rm3: false },
    pubmed: { apiKey: 'abc', email: 'me@example.org', eutils: DEFAULT_BASE_URL },
    theme: 'system',
    ocr: { enabled: null, languages: ['eng'], garbageText: false, data: 'auto' },
  });
  const bare = withEnv({ OLLAMA_HOST: undefined, NCBI_API_KEY: undefined, NCBI_EMAIL: undefined }, () => defaultSettings(dir));
  assert.deepEqual([bare.ollama.host, bare.pubmed.apiKey, bare.pubmed.email], ['http://127.0.0.1:11434', '', '']);
  installModel(dir, 'all-minilm-l6-v2');
  assert.equal(defaultSettings(dir).embeddingModel, 'all-minilm-l6-v2');
  const catalog = join(dir, 'catalog');
  mkdirSync(catalog);
  writeFileSync(join(catalog, 'tiny.json'), JSON.stringify({ id: 'tiny', name: 'T', license: 't', default: true, source: { repo: 'o/t', revision: 'main' }, files: [], onnx: 'model.onnx', dims: 32, pooling: 'mean', normalize: true, maxTokens: 128 }));
  assert.equal(defaultSettings(dir, catalog).embeddingModel, null, 'the catalog\'s default is not installed');
  installModel(dir, 'tiny');
  assert.equal(defaultSettings(dir, catalog).embeddingModel, 'tiny');
});

test('a missing file gives the defaults; a save is read back, atomically (no temporary file left)', () => {
  const dir = tempDir('delve-settings-');
  const first = loadSettings(dir);
  assert.deepEqual(first, { settings: defaultSettings(dir), stored: false, recovered: null });
  assert.equal(existsSync(join(dir, 'settings.json')), false);
  const s = mergeSettings(first.settings, { theme: 'dark', ollama: { judge: 'llama3.2:3b' }, embeddingModel: 'bge-small-en-v1.5' });
  saveSettings(dir, s);
  assert.deepEqual(readdirSync(dir), ['settings.json']);
  assert.deepEqual(loadSettings(dir), { settings: s, stored: true, recovered: null });
});

test('a damaged settings.json is kept as settings.json.bak and the defaults are used', () => {
  const dir = tempDir('delve-settings-');
  writeFileSync(join(dir, 'settings.json'), '{"theme": "dark",');
  const r = loadSettings(dir);
  assert.deepEqual(r.settings, defaultSettings(dir));
  assert.equal(r.recovered?.backup, join(dir, 'settings.json.bak'));
  assert.equal(readFileSync(join(dir, 'settings.json.bak'), 'utf8'), '{"theme": "dark",');
  assert.equal(existsSync(join(dir, 'settings.json')), false);
  writeFileSync(join(dir, 'settings.json'), '[1, 2]');
  const again = loadSettings(dir);
  assert.match(again.recovered?.reason ?? '', /JSON object/);
  assert.equal(again.recovered?.backup, join(dir, 'settings.json.1.bak'));
  assert.equal(readFileSync(join(dir, 'settings.json.bak'), 'utf8'), '{"theme": "dark",');
});

test('stored fields of the wrong type keep their defaults; the rest is kept', () => {
  const dir = tempDir('delve-settings-');
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 'purple', provider: 'cuda', chunking: { size: 'big', overlap: 80 }, ollama: { host: 'http://h:1', judge: 7 }, ranking: { k1: -1, b: 0.5, rm3: 'yes' } }));
  const { settings, recovered } = loadSettings(dir);
  assert.equal(recovered, null);
  assert.deepEqual(settings.ranking, { k1: 1.5, b: 0.5, rm3: false });
  assert.deepEqual([settings.theme, settings.provider, settings.chunking, settings.ollama], [
    'system', 'cuda', { size: DEFAULT_CHUNK_OPTIONS.targetChars, overlap: 80 }, { host: 'http://h:1', expander: '', rewriter: '', judge: '', embedder: '' },
  ]);
});

test('a patch merges nested objects, replaces the rest, and ignores keys set to undefined', () => {
  const base = defaultSettings(tempDir('delve-settings-'));
  const s = mergeSettings({ ...base, embeddingModel: 'm' }, { ollama: { host: 'http://x:1', expander: undefined }, pubmed: { email: 'a@b.c' }, embeddingModel: null });
  assert.deepEqual(s.ollama, { ...base.ollama, host: 'http://x:1' });
  assert.deepEqual(s.pubmed, { ...base.pubmed, email: 'a@b.c' });
  assert.equal(s.embeddingModel, null);
  assert.equal(s.theme, base.theme);
});

test('OCR settings: on/off left to the default until set, installed languages only, merged as a section, passed to the engine', () => {
  const dir = tempDir('delve-settings-');
  const config = { dataDir: dir, dbPath: join(dir, 'd.db') };
  const base = defaultSettings(dir);
  assert.deepEqual(base.ocr, { enabled: null, languages: ['eng'], garbageText: false, data: 'auto' });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ocr: { enabled: false, languages: ['fra', 'klingon', 'fra'], garbageText: true } }));
  const loaded = loadSettings(dir).settings;
  assert.deepEqual(loaded.ocr, { enabled: false, languages: ['fra'], garbageText: true, data: 'auto' }, 'a language no longer installed is dropped');
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ocr: { enabled: 'no', languages: ['klingon'], garbageText: 1 } }));
  assert.deepEqual(loadSettings(dir).settings.ocr, { enabled: null, languages: ['eng'], garbageText: false, data: 'auto' });
  const s = mergeSettings(base, { ocr: { languages: ['eng', 'fra'] } });
  assert.deepEqual(s.ocr, { enabled: null, languages: ['eng', 'fra'], garbageText: false, data: 'auto' });
  assert.deepEqual(toEngineConfig(config, s).ocr, { languages: ['eng', 'fra'], garbageText: false, data: 'auto' }, 'enabled left to the engine default ($DELVE_OCR)');
  assert.deepEqual(toEngineConfig(config, mergeSettings(s, { ocr: { enabled: false, garbageText: true } })).ocr, { enabled: false, languages: ['eng', 'fra'], garbageText: true, data: 'auto' });
  assert.equal(toEngineConfig(config, mergeSettings(s, { ocr: { data: 'bundled' } })).ocr?.data, 'bundled');
});

test('OCR language data: a language only Tesseract\'s data has is kept with auto, dropped with the bundled data', () => {
  const dir = tempDir('delve-settings-');
  const tessdata = join(dir, 'tessdata');
  mkdirSync(tessdata);
  writeFileSync(join(tessdata, 'deu.traineddata'), 'a language file');
  withEnv({ TESSDATA_PREFIX: tessdata }, () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ocr: { languages: ['deu'] } }));
    assert.deepEqual(loadSettings(dir).settings.ocr, { enabled: null, languages: ['deu'], garbageText: false, data: 'auto' });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ocr: { languages: ['deu', 'fra'], data: 'bundled' } }));
    assert.deepEqual(loadSettings(dir).settings.ocr, { enabled: null, languages: ['fra'], garbageText: false, data: 'bundled' });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ocr: { languages: ['deu'], data: 'best' } }));
    assert.deepEqual(loadSettings(dir).settings.ocr, { enabled: null, languages: ['deu'], garbageText: false, data: 'auto' }, 'an unknown choice: the default');
  });
});

test('the engine config: roles left empty use the default model; the embedding model only when installed', () => {
  const dataDir = tempDir('delve-settings-');
  const config = { dataDir, dbPath: join(dataDir, 'd.db'), nativeBinding: '/x/b.node' };
  const s = mergeSettings(defaultSettings(dataDir), { ollama: { host: 'http://o:1', judge: 'j:1' }, chunking: { size: 900, overlap: 90 }, ranking: { b: 0.4, rm3: true }, embeddingModel: 'tiny', provider: 'cpu' });
  assert.deepEqual(toEngineConfig(config, s), {
    dbPath: config.dbPath, nativeBinding: '/x/b.node', chunk: { targetChars: 900, overlapChars: 90 }, llm: { host: 'http://o:1', models: { judge: 'j:1' } },
    bm25: { k1: 1.5, b: 0.4, rm3: true }, ocr: { languages: ['eng'], garbageText: false, data: 'auto' },
  });
  installModel(dataDir, 'tiny');
  assert.deepEqual(toEngineConfig(config, s).embedding, { modelDir: join(dataDir, 'models', 'tiny'), provider: 'cpu' });
  assert.equal(toEngineConfig(config, { ...s, embeddingModel: '..' }).embedding, undefined);
  // An Ollama embedding model takes the place of the installed one, on the Ollama host.
  assert.deepEqual(toEngineConfig(config, mergeSettings(s, { ollama: { embedder: 'nomic-embed-text' } })).embedding,
    { ollama: { host: 'http://o:1', model: 'nomic-embed-text' } });
});

test('the service: setSettings saves and answers the merged settings; chunking the engine refuses is BAD_ARGUMENT and nothing is saved', async () => {
  const dataDir = tempDir('delve-settings-');
  writeFileSync(join(dataDir, 'settings.json'), 'not json');
  const opened: EngineConfig[] = [];
  const service = createEngineService({ config: { dataDir, dbPath: join(dataDir, 'd.db') }, emit: () => undefined, openEngine: (c) => { opened.push(c); return createEngine(c); } });
  try {
    assert.equal(readFileSync(join(dataDir, 'settings.json.bak'), 'utf8'), 'not json');
    const before = await service.getSettings();
    assert.deepEqual(before, defaultSettings(dataDir));
    before.theme = 'dark'; // a copy: the service's own is untouched
    assert.equal((await service.getSettings()).theme, 'system');
    await service.status();
    const s = await service.setSettings({ theme: 'light', chunking: { size: 800 } });
    assert.deepEqual([s.theme, s.chunking], ['light', { size: 800, overlap: DEFAULT_CHUNK_OPTIONS.overlapChars }]);
    assert.deepEqual(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')), s);
    await service.status();
    assert.deepEqual(opened.map((c) => c.chunk?.targetChars), [DEFAULT_CHUNK_OPTIONS.targetChars, 800], 'reopened with the new chunking');
    await service.setSettings({ theme: 'dark' });
    await service.status();
    assert.equal(opened.length, 2, 'the theme does not reopen the engine');
    await assert.rejects(service.setSettings({ chunking: { overlap: 600 } }), { code: 'BAD_ARGUMENT' });
    assert.equal((await service.getSettings()).chunking.overlap, DEFAULT_CHUNK_OPTIONS.overlapChars);
    assert.equal(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).chunking.overlap, DEFAULT_CHUNK_OPTIONS.overlapChars);
  } finally {
    await service.close();
  }
});
