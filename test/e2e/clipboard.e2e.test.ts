/**
 * The PubMed "Copy" buttons write to the system clipboard in Chromium when, as in the app
 * (main/host/permissions.ts), clipboard-sanitized-write is granted to the app's origin and nothing
 * else is: the renderer over the real engine (test bridge), queries drafted against the
 * Ollama-protocol and E-utilities test servers, "Copy query 1" clicked, the clipboard read back.
 * With the permission denied (what security.ts did for every permission before), the button says
 * "Copy failed". Electron asks the session handler of permissions.ts (permissions.test.ts); plain
 * Chromium is told through Playwright and the DevTools protocol.
 * Screenshot: test-artifacts/e2e/pubmed-copied.png.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, tempDir } from '../helpers/shared.js';
import { launch, missingBrowser, screenshot } from './browser.js';
import { startBridge, type Bridge } from './bridge/server.js';
import { startServers, type Servers } from './fixtures.js';

const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the end-to-end suite cannot run: ${missing}`);

describe('PubMed Copy writes the query to the clipboard (Chromium)', { skip: missing ?? false }, () => {
  const dir = tempDir('delve-e2e-clip-');
  let servers: Servers;
  let bridge: Bridge;
  let browser: Browser;

  before(async () => {
    servers = await startServers();
    bridge = await startBridge({ dataDir: join(dir, 'data'), exportDir: dir });
    const saved = await bridge.call('setSettings', { ollama: { host: servers.ollama.url }, pubmed: { eutils: servers.mesh.url, apiKey: 'testkey', email: 'e2e@example.org' } });
    assert.equal((saved as { ok: boolean }).ok, true, JSON.stringify(saved));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await bridge?.close();
    await servers?.close();
  });

  /** A page of the app in `context` with drafted queries on the PubMed screen. */
  async function drafted(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(bridge.url);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'PubMed', exact: true }).click();
    const pubmed = page.getByRole('region', { name: 'PubMed' });
    await pubmed.getByLabel('Review question').fill(servers.topic.title);
    await pubmed.getByLabel('Known relevant PMIDs').fill(servers.topic.included_pmids.join(', '));
    await pubmed.getByRole('button', { name: 'Draft queries' }).click();
    await pubmed.getByRole('button', { name: 'Copy query 1' }).waitFor({ timeout: 60_000 });
    return page;
  }

  test('granted to the app\'s origin only: "Copied", and the clipboard holds the query', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const origin = new URL(bridge.url).origin;
    await context.grantPermissions(['clipboard-write', 'clipboard-read'], { origin });
    try {
      const page = await drafted(context);
      const button = page.getByRole('button', { name: 'Copy query 1' });
      await button.click();
      await page.getByRole('button', { name: 'Copy query 1' }).filter({ hasText: 'Copied' }).waitFor({ timeout: 5000 });
      await screenshot(page, 'pubmed-copied');
      const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
      assert.ok(copied.length > 10, `clipboard: ${copied}`);
      // The query as the card shows it (its text, before the card's other parts).
      const card = await page.getByRole('region', { name: 'PubMed' }).textContent();
      assert.ok(card?.includes(copied), `the copied query "${copied}" is the one on screen`);
    } finally {
      await context.close();
    }
  });

  test('denied to the origin, as every permission was before: the button says "Copy failed"', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const page = await drafted(context);
      const client = await context.newCDPSession(page);
      // Playwright has no "deny"; Chromium's own call, for this browser context.
      const { targetInfo } = await client.send('Target.getTargetInfo');
      await client.send('Browser.setPermission', { permission: { name: 'clipboard-write', allowWithoutSanitization: false }, setting: 'denied', origin: new URL(bridge.url).origin, browserContextId: targetInfo.browserContextId });
      await page.getByRole('button', { name: 'Copy query 1' }).click();
      await page.getByRole('button', { name: 'Copy query 1' }).filter({ hasText: 'Copy failed' }).waitFor({ timeout: 5000 });
    } finally {
      await context.close();
    }
  });
});
