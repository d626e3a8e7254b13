/** The lint rule that keeps main/engine free of Electron actually fires (and only there). */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { REPO_ROOT } from '../helpers/shared.js';

const lint = async (file: string, code: string) => {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

test('importing electron under main/engine is a lint error', async () => {
  assert.equal((await lint('main/engine/store/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).length, 1);
  assert.equal((await lint('main/engine/x.ts', "import { ipcMain } from 'electron/main';\nexport const a = ipcMain;\n")).length, 1);
});

test('the Electron host may import electron', async () => {
  assert.deepEqual(await lint('main/host/x.ts', "import { app } from 'electron';\nexport const a = app;\n"), []);
});
