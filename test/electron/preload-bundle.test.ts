/**
 * The built preload (scripts/build-preload.mjs → dist/preload/index.cjs), loaded as Electron's
 * sandbox would: one CommonJS file that may require only `electron`. Here `electron` is a recorder
 * standing in for contextBridge and ipcRenderer; the test checks that `window.delve` gets exactly
 * one function per registry command plus `on`, each invoking the command's own channel.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { CHANNELS, COMMANDS } from '../../preload/contract.js';
import { REPO_ROOT } from '../helpers/shared.js';

test('the preload bundle exposes one function per registry command and requires nothing but electron', async () => {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-preload.mjs')], { cwd: REPO_ROOT, stdio: 'pipe' });
  const code = readFileSync(join(REPO_ROOT, 'dist', 'preload', 'index.cjs'), 'utf8');
  const exposed: Record<string, Record<string, unknown>> = {};
  const invoked: unknown[][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => { exposed[key] = api; } },
    ipcRenderer: {
      invoke: async (...a: unknown[]) => { invoked.push(a); return { ok: true, data: null }; },
      on: () => undefined,
      removeListener: () => undefined,
    },
    webUtils: { getPathForFile: (f: { path: string }) => f.path },
  };
  const required: string[] = [];
  const require = (id: string) => {
    required.push(id);
    if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(code, { require, module, exports: module.exports, process: { platform: process.platform }, console });
  assert.deepEqual([...new Set(required)], ['electron']);
  const api = exposed.delve;
  assert.ok(api, 'window.delve is exposed');
  assert.deepEqual(Object.keys(api).sort(), [...COMMANDS, 'on'].sort());
  for (const name of COMMANDS) {
    if (name === 'indexDropped') continue;
    await (api[name] as (...a: unknown[]) => Promise<unknown>)('x', 1);
    assert.deepEqual(invoked.at(-1), [CHANNELS[name], 'x', 1]);
  }
  await (api.indexDropped as (f: unknown[]) => Promise<unknown>)([{ path: '/a' }, { path: '' }]);
  assert.deepEqual(invoked.at(-1), [CHANNELS.indexDropped, ['/a']]);
});
