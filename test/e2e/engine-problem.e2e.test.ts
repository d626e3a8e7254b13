/**
 * An engine that cannot open its library shows the user what to do, in the window: the renderer in
 * Chromium over the real engine (the test bridge), told to load a better-sqlite3 binding that is not
 * there, as the Electron host does when native/electron-<v>-<platform>-<arch> was never built. The
 * banner names the problem, the command that fixes it and the engine's message; once the binding is
 * in place, "Try again" opens the library and the banner goes. (A locked database, DB_BUSY, is the
 * component test's: the in-process engine of the bridge would block this process while SQLite waits.)
 * Screenshot: test-artifacts/e2e/engine-binding-missing.png.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, tempDir } from '../helpers/shared.js';
import { launch, missingBrowser, screenshot } from './browser.js';
import { startBridge, type Bridge } from './bridge/server.js';

const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the end-to-end suite cannot run: ${missing}`);

describe('the window explains an engine that cannot start (Chromium)', { skip: missing ?? false }, () => {
  const dir = tempDir('delve-e2e-nobinding-');
  const binding = join(dir, 'native', 'electron-0.0.0-test', 'better_sqlite3.node');
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;

  before(async () => {
    bridge = await startBridge({ dataDir: join(dir, 'data'), exportDir: dir, nativeBinding: binding });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  });
  after(async () => {
    await browser?.close();
    await bridge?.close();
  });

  test('a missing native binding: a banner with the command, gone after "Try again" once the binding is there', async () => {
    await page.goto(bridge.url);
    const banner = page.getByRole('alert', { name: 'Delve’s database library is missing' });
    await banner.waitFor({ timeout: 30_000 });
    const text = (await banner.textContent()) ?? '';
    assert.match(text, /npm run rebuild:electron/);
    assert.ok(text.includes(`DB_OPEN_FAILED better-sqlite3 has no Electron build at ${binding}`), text);
    await screenshot(page, 'engine-binding-missing');

    // The binding appears (here: the Node build, which the in-process engine can load).
    const nodeBuild = join(dirname(createRequire(join(REPO_ROOT, 'package.json')).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(dirname(binding), { recursive: true });
    copyFileSync(nodeBuild, binding);
    await banner.getByRole('button', { name: 'Try again' }).click();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    const status = await bridge.call('appStatus') as { ok: boolean };
    assert.equal(status.ok, true);
  });
});
