/**
 * The real desktop app, launched through Playwright's Electron driver with a temporary profile
 * (DELVE_USER_DATA): one window titled Delve served from app://delve/, the preload bridge present
 * and Node absent in the page, the engine's utility process answering `status`, navigation and new
 * windows refused. Screenshot in test-artifacts/electron-launch.png. Skipped, saying why, where
 * there is no Electron binary, no build or no display (electron-app.ts).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { _electron } from 'playwright-core';
import { REPO_ROOT, tempDir } from '../helpers/shared.js';
import { electronBinary, sandboxArgs, whyNotLaunchable } from './electron-app.js';

type Global = Record<string, unknown>;
const ARTIFACT = join(REPO_ROOT, 'test-artifacts', 'electron-launch.png');

test('the desktop app starts, exposes window.delve only and its engine answers', async (t) => {
  const why = whyNotLaunchable();
  if (why !== null) {
    t.skip(why);
    return;
  }
  const bin = electronBinary() as { path: string };
  const userData = tempDir('delve-electron-');
  const app = await _electron.launch({
    executablePath: bin.path,
    args: [...sandboxArgs(), REPO_ROOT],
    cwd: REPO_ROOT,
    env: { ...process.env, DELVE_USER_DATA: userData } as Record<string, string>,
    timeout: 60_000,
  });
  try {
    const page = await app.firstWindow({ timeout: 60_000 });
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await app.evaluate(({ app: a }) => a.getPath('userData')), userData);
    assert.equal(await page.title(), 'Delve');
    assert.match(page.url(), /^app:\/\/delve\//);

    // Context isolation and the sandbox: the bridge, and no Node in the page.
    assert.equal(await page.evaluate(() => typeof (globalThis as Global).delve), 'object');
    assert.equal(await page.evaluate(() => typeof (globalThis as Global).require), 'undefined');
    assert.equal(await page.evaluate(() => typeof (globalThis as Global).process), 'undefined');

    // The engine runs in its utility process with the temp profile's database.
    const status = await page.evaluate(async () => {
      const delve = (globalThis as Global).delve as { status(): Promise<{ ok: boolean; error?: { code: string; message: string } }> };
      return delve.status();
    });
    assert.equal(status.ok, true, `status failed: ${JSON.stringify(status.error)}`);

    // Hardening: no new windows, no navigation away from the app.
    const opened = await page.evaluate(() => (globalThis as unknown as { open(u: string): unknown }).open('https://example.com/') === null);
    assert.equal(opened, true, 'window.open is denied');
    await page.evaluate(() => { (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'; });
    await new Promise((r) => setTimeout(r, 500));
    assert.match(page.url(), /^app:\/\/delve\//, 'navigation away from the app is refused');
    assert.equal(app.windows().length, 1);

    mkdirSync(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: ARTIFACT });
  } finally {
    await app.close();
  }
});
