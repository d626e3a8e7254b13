/**
 * scripts/electronegativity.mjs (npm run lint:electron) really fails on an unsafe app: a fixture
 * tree with the repo's layout whose window turns on nodeIntegration, turns off contextIsolation and
 * has no sandbox, CSP, navigation limits or permission handler must exit 1 naming those checks; a missing input exits 2. The repo itself is
 * checked by the lint command, not here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, tempTree } from '../helpers/shared.js';

const SCRIPT = join(REPO_ROOT, 'scripts', 'electronegativity.mjs');

const fixture = (files: Record<string, string>) => tempTree('delve-eng-', files);

const UNSAFE_WINDOW = `import { BrowserWindow } from 'electron';
export function open() {
  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
  void win.loadURL('https://example.com/');
  return win;
}
`;

const layout = (window: string): Record<string, string> => ({
  'main/window.ts': window,
  'preload/index.ts': "import { contextBridge } from 'electron';\ncontextBridge.exposeInMainWorld('x', {});\n",
  'renderer/index.html': '<!doctype html><html><head><title>x</title></head><body></body></html>\n',
  'renderer/src/main.ts': 'export const x = 1;\n',
  'dist/main/window.js': window,
  'dist/preload/index.js': 'export {};\n',
  'package.json': JSON.stringify({ name: 'fixture', devDependencies: { electron: '^40.0.0' } }),
});

const run = (root: string) => spawnSync(process.execPath, [SCRIPT, `--root=${root}`], { encoding: 'utf8', timeout: 120_000 });

test('an app with nodeIntegration on and no isolation fails with those findings', () => {
  const r = run(fixture(layout(UNSAFE_WINDOW)));
  assert.equal(r.status, 1, r.stdout + r.stderr);
  // Without --all only blocking findings are listed: each of these made the run fail.
  const ids = ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK'];
  for (const id of ids) {
    assert.match(r.stdout, new RegExp(`${id} \\[[A-Z]+/`), `${id} is reported`);
  }
  assert.match(r.stdout, /main\/window\.ts:3:/, 'findings name file:line');
});

test('a missing input folder is an error, not a pass', () => {
  const files = layout(UNSAFE_WINDOW);
  delete files['dist/main/window.js'];
  const r = run(fixture(files));
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /dist\/main is missing/);
});
