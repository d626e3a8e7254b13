/**
 * Every registry command, end to end in one process: the renderer's functions (preload/commands.ts,
 * as the preload builds them) → the channel table (channels.ts: sender check, the registry's
 * schema) → the handler map (handlers.ts) → the engine protocol's dispatcher (host/engine-dispatch.ts,
 * as the utility process runs it) → a recording engine service, and the answer back. Also: a
 * malformed call is refused before anything is served, and a name outside the registry has no door.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { commandFunctions } from '../../preload/commands.js';
import { CHANNELS, type CommandArgs, type CommandName } from '../../preload/contract.js';
import { createDispatcher } from '../host/engine-dispatch.js';
import { ENGINE_METHODS, type EngineCalls, type EngineMethod, type EngineService } from '../host/engine-protocol.js';
import { APP_ORIGIN } from '../host/app-url.js';
import { channelHandlers } from './channels.js';
import { CodedError } from './envelope.js';
import { createHandlers } from './handlers.js';
import { COMMANDS, isHostCommand, registry } from './registry.js';

const folder = '/tmp/delve-registry-test';

/** One valid call per command: the compiler fails here until a new command has its sample. */
const samples: { [N in CommandName]: CommandArgs<N> } = {
  pickFolders: [],
  index: [[folder]],
  indexDropped: [[folder]],
  cancelIndex: [],
  roots: [],
  removeRoot: [folder],
  status: [],
  pickReferenceFile: [],
  importReferences: [`${folder}/refs.bib`],
  appStatus: [],
  ocrLanguageSources: [],
  document: [7],
  documentBytes: [7],
  updateMetadata: [7, { title: 'A title', year: 2020 }],
  search: ['sleep apnoea', { k: 5, mode: 'bm25' }],
  cancelSearch: ['s1'],
  history: [20],
  collections: [],
  createCollection: ['Review', 'notes'],
  addEvidence: ['Review', { chunkId: 3 }, { note: 'n', tags: ['t'] }],
  evidence: ['Review', 'page', 'asc'],
  exportCollection: ['Review', 'bib'],
  saveExport: ['Review', 'ris'],
  pubmedDraft: [{ question: 'Does CPAP help?', k: 2 }],
  pubmedCheck: ['cpap[tiab]'],
  pubmedSearch: ['cpap[tiab]', { retmax: 20 }],
  pubmedImport: [['123456']],
  updateEvidence: [3, { note: 'n', tags: ['t'], stance: 'supports' }],
  removeEvidence: [3],
  restoreEvidence: [3],
  moveEvidence: [3, 0],
  renameCollection: ['Old', 'New'],
  duplicateCollection: ['Old', 'Copy'],
  deleteCollection: ['Old'],
  deletedCollections: [],
  restoreCollection: [2],
  strategyTranslate: ['1. exp Heart Failure/\n2. limit 1 to english language', 'pubmed'],
  strategyCounts: ['1. exp Heart Failure/\n2. limit 1 to english language'],
  trialsDraft: [{ question: 'CPAP for sleep apnoea', seeds: ['NCT02513394'] }],
  trialsCheck: ['AREA[Phase] PHASE3'],
  trialsSearch: ['sleep apnea', { seeds: ['NCT02513394'], limit: 100 }],
  trialsImport: [['NCT02513394']],
  backup: [{ userData: true }],
  backups: [],
  restoreBackup: ['/home/me/.config/Delve/backups/delve-auto-2026-12-07T12-00-00-000Z.json'],
  saveUserData: [],
  getSettings: [],
  setSettings: [{ theme: 'dark' }],
  llmHealth: [],
  llmPull: ['qwen3:4b'],
  models: [],
  embeddingStatus: [],
  modelPull: ['bge-small-en-v1.5'],
  pickModelFolder: [],
  modelImport: [`${folder}/models/minilm`],
  mcpSetup: [],
  openExternal: ['https://pubmed.ncbi.nlm.nih.gov/123456/'],
};

/** The engine method each command reaches (null: the main process answers it alone). */
const reaches = (name: CommandName): EngineMethod | null => {
  if (name === 'indexDropped') return 'index';
  if (name === 'saveExport') return 'exportCollection';
  if (name === 'saveUserData') return 'saveUserDataTo';
  return isHostCommand(name) ? null : name;
};

function rig() {
  const served: { name: EngineMethod; args: unknown[] }[] = [];
  const exportDir = mkdtempSync(join(tmpdir(), 'delve-registry-'));
  const hostCalls: string[] = [];
  const answer = (name: EngineMethod, args: unknown[]): unknown => {
    if (name === 'roots') return [{ path: folder }];
    if (name === 'exportCollection') return '@article{x}';
    if (name === 'saveUserDataTo') {
      // As the engine does: the export written to the file the main process names.
      const file = args[0] as string;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, '{"format":"delve-user-data"}');
      return { servedBy: name, file };
    }
    return { servedBy: name };
  };
  const service = Object.fromEntries(ENGINE_METHODS.map((name) => [name, async (...args: unknown[]) => {
    served.push({ name, args });
    return answer(name, args);
  }])) as unknown as EngineService;
  const dispatch = createDispatcher(service);
  let id = 0;
  const engine = {
    async call<N extends EngineMethod>(name: N, args: EngineCalls[N]['args']): Promise<EngineCalls[N]['result']> {
      const a = await dispatch({ id: ++id, name, args });
      if (!a?.ok) throw new CodedError(a?.error.code ?? 'INTERNAL', a?.error.message ?? 'no answer');
      return a.data as EngineCalls[N]['result'];
    },
  };
  const handlers = createHandlers({
    engine,
    pickFolders: async () => { hostCalls.push('pickFolders'); return [folder]; },
    pickReferenceFile: async () => { hostCalls.push('pickReferenceFile'); return '/elsewhere/picked.ris'; },
    pickModelFolder: async () => { hostCalls.push('pickModelFolder'); return '/elsewhere/minilm-onnx'; },
    pickSavePath: async (name) => { hostCalls.push('pickSavePath'); return join(exportDir, name); },
    mcpSetup: () => { hostCalls.push('mcpSetup'); return { cli: '/opt/delve/bin/delve.js', dbPath: '/home/me/.config/Delve/delve.db' }; },
    openExternal: async (url) => { hostCalls.push(`openExternal ${url}`); },
  });
  const table = channelHandlers(APP_ORIGIN, handlers);
  const fromApp = { senderFrame: { url: 'app://delve/index.html', parent: null } };
  /** Like ipcRenderer.invoke: a channel nobody handles rejects. */
  const invoke = async (channel: string, ...args: unknown[]) => {
    const h = table.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(fromApp, ...args);
  };
  const api = commandFunctions(invoke) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  return { api, served, hostCalls, table, dispatch, exportDir, fromApp };
}

test('the registry, the contract channels and the engine methods agree', () => {
  assert.deepEqual(Object.keys(samples).sort(), [...COMMANDS].sort());
  assert.deepEqual(Object.keys(CHANNELS).sort(), [...COMMANDS].sort());
  const engineSide = COMMANDS.filter((n) => !isHostCommand(n));
  assert.deepEqual([...ENGINE_METHODS].sort(), [...engineSide, 'close', 'saveUserDataTo'].sort());
  for (const n of COMMANDS) assert.ok(['engine', 'host'].includes(registry[n].by), n);
});

for (const name of COMMANDS) {
  test(`${name}: renderer → validation → engine and back`, async () => {
    const r = rig();
    const result = await r.api[name]!(...samples[name]) as { ok: boolean; data?: unknown; error?: unknown };
    assert.equal(result.ok, true, JSON.stringify(result));
    const target = reaches(name);
    if (target === null) {
      assert.equal(r.served.length, 0);
      assert.ok(r.hostCalls.length > 0);
      return;
    }
    const call = r.served.find((s) => s.name === target);
    assert.ok(call, `${target} was served`);
    const expectedArgs = name === 'saveExport' ? samples.saveExport : name === 'saveUserData' ? [result.data] : samples[name];
    assert.deepEqual(call.args, expectedArgs);
    if (name === 'saveExport') {
      assert.equal(readFileSync(result.data as string, 'utf8'), '@article{x}');
    } else if (name === 'saveUserData') {
      assert.match(result.data as string, /delve-my-work-\d{4}-\d{2}-\d{2}\.json$/);
      assert.equal(readFileSync(result.data as string, 'utf8'), '{"format":"delve-user-data"}');
    } else if (name === 'backup') {
      assert.equal((result.data as { servedBy: string }).servedBy, 'backup');
    } else if (name === 'roots') {
      assert.deepEqual(result.data, [{ path: folder }]);
    } else if (name === 'exportCollection') {
      assert.equal(result.data, '@article{x}');
    } else {
      assert.deepEqual(result.data, { servedBy: target });
    }
  });

  test(`${name}: malformed arguments are refused before anything is served`, async () => {
    const r = rig();
    for (const bad of [[{ bogus: true }], [...samples[name], 'extra']]) {
      const result = await r.api[name]!(...bad) as { ok: boolean; error?: { code: string } };
      assert.equal(result.ok, false);
      assert.equal(result.error?.code, 'BAD_ARGUMENT');
    }
    assert.equal(r.served.length, 0);
    assert.equal(r.hostCalls.length, 0);
  });
}

test('the renderer cannot reach anything outside the registry', async () => {
  const r = rig();
  assert.deepEqual(Object.keys(r.api).sort(), [...COMMANDS].sort());
  assert.deepEqual([...r.table.keys()].sort(), COMMANDS.map((n) => CHANNELS[n]).sort());
  const invoke = async (channel: string) => {
    const h = r.table.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(r.fromApp);
  };
  await assert.rejects(invoke('delve:close'), /No handler registered/);
  await assert.rejects(invoke('delve:dropDatabase'), /No handler registered/);
  // The engine process refuses names that are not its methods, and answers nothing to garbage.
  assert.deepEqual(await r.dispatch({ id: 1, name: 'dropDatabase', args: [] }),
    { id: 1, ok: false, error: { code: 'BAD_ARGUMENT', message: 'malformed engine request' } });
  assert.equal(await r.dispatch({ name: 'roots' }), null);
  assert.equal(r.served.length, 0);
});

test('a call from another frame is refused', async () => {
  const r = rig();
  const h = r.table.get(CHANNELS.roots)!;
  const result = await h({ senderFrame: { url: 'https://example.com/', parent: null } });
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.error.code, 'FORBIDDEN');
  assert.equal(r.served.length, 0);
});

test('importReferences reads only a file the user picked or one inside the library\'s folders', async () => {
  const r = rig();
  const refused = await r.api.importReferences!('/elsewhere/picked.ris') as { ok: boolean; error?: { code: string; message: string } };
  assert.equal(refused.ok, false);
  assert.equal(refused.error?.code, 'FORBIDDEN');
  assert.equal(r.served.filter((s) => s.name === 'importReferences').length, 0);
  const picked = await r.api.pickReferenceFile!() as { ok: boolean; data: string };
  assert.deepEqual([picked.ok, picked.data], [true, '/elsewhere/picked.ris']);
  const imported = await r.api.importReferences!('/elsewhere/picked.ris') as { ok: boolean };
  assert.equal(imported.ok, true);
  assert.deepEqual(r.served.filter((s) => s.name === 'importReferences').map((s) => s.args), [['/elsewhere/picked.ris']]);
  assert.equal((await r.api.importReferences!('/elsewhere/other.bib') as { ok: boolean }).ok, false, 'picking a file grants that file, not its folder');
});

test('modelImport copies only a folder the user picked (or one inside the library\'s folders)', async () => {
  const r = rig();
  const refused = await r.api.modelImport!('/elsewhere/minilm-onnx') as { ok: boolean; error?: { code: string } };
  assert.deepEqual([refused.ok, refused.error?.code], [false, 'FORBIDDEN']);
  assert.equal(r.served.filter((s) => s.name === 'modelImport').length, 0);
  const picked = await r.api.pickModelFolder!() as { ok: boolean; data: string };
  assert.deepEqual([picked.ok, picked.data], [true, '/elsewhere/minilm-onnx']);
  assert.equal((await r.api.modelImport!('/elsewhere/minilm-onnx') as { ok: boolean }).ok, true);
  assert.deepEqual(r.served.filter((s) => s.name === 'modelImport').map((s) => s.args), [['/elsewhere/minilm-onnx']]);
});
