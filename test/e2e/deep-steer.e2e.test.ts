/**
 * Issue 18 in real Chromium against the real engine (the test bridge), the LLM played by the
 * Ollama-protocol test server: a deep search's stage panel shows what each stage changed and each
 * query's hit count; editing the keyword rewrite re-runs the later stages (the expansion comes from
 * the LLM reply cache: no new expander or rewriter call) and the new deltas appear; with Ollama
 * unreachable the RM3 fallback's terms are edited and ranked. Screenshots: test-artifacts/e2e/18-*.png.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import type { AppStatus, Result } from '../../preload/contract.js';
import { lastUserMessage } from '../helpers/ollama-server.js';
import { REPO_ROOT, sharedDir, tempDir } from '../helpers/shared.js';
import { missingBrowser, screenshot, openApp } from './browser.js';
import { startBridge, type Bridge } from './bridge/server.js';
import { startServers, type Servers } from './fixtures.js';
import { deadPort } from '../helpers/dead-port.js';

const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the end-to-end suite cannot run: ${missing}`);

const QUERY = 'Vitamin D deficiency is associated with an increased risk of cancer.';

/** 600 SciFact abstracts as six Markdown notes. */
function writeLibrary(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const lines = readFileSync(join(sharedDir(), 'data', 'scifact', 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 600);
  for (let i = 0; i < lines.length; i += 100) {
    const docs = lines.slice(i, i + 100).map((l) => JSON.parse(l) as { _id: string; title: string; text: string });
    writeFileSync(join(dir, `scifact-${i / 100}.md`), `# SciFact ${i + 1}\n\n${docs.map((d) => `## ${d.title}\n\n${d.text}\n`).join('\n')}`);
  }
}

describe('deep search the user can steer: edit the rewrite and the RM3 terms in the stage panel (Chromium)', { skip: missing ?? false }, () => {
  const dir = tempDir('delve-e2e-18-');
  let servers: Servers;
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;
  const search = () => page.getByRole('region', { name: 'Search', exact: true });
  const panel = () => search().getByRole('region', { name: 'Deep search stages' });
  const llmCalls = (role: 'rewriter' | 'expander') => servers.ollama.calls.filter((c) => {
    const m = lastUserMessage(c);
    const rewriter = m.startsWith('Rewrite the search request');
    return role === 'rewriter' ? rewriter : !rewriter && !m.startsWith('Rate how helpful') && !m.includes('rank the documents');
  }).length;
  const stage = (label: string | RegExp) => panel().getByRole('listitem').filter({ hasText: label });

  before(async () => {
    writeLibrary(join(dir, 'lib'));
    servers = await startServers();
    bridge = await startBridge({ dataDir: join(dir, 'data'), exportDir: join(dir, 'exports') });
    const saved = await bridge.call('setSettings', { ollama: { host: servers.ollama.url } }) as { ok: boolean };
    assert.equal(saved.ok, true);
    ({ browser, page } = await openApp(bridge.url, { width: 1280, height: 900 }));
    bridge.nextFolders = [join(dir, 'lib')];
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('region', { name: 'Library', exact: true }).getByRole('button', { name: 'Add folder' }).click();
    const until = Date.now() + 180_000;
    for (;;) {
      const r = await bridge.call('appStatus') as Result<AppStatus>;
      if (r.ok && !r.data.indexing && r.data.documents >= 6) break;
      if (Date.now() > until) throw new Error(`the library did not settle: ${JSON.stringify(r)}`);
      await sleep(300);
    }
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Search', exact: true }).click();
  });

  after(async () => {
    await browser?.close();
    await bridge?.close();
    await servers?.close();
  });

  const deepSearch = async (query: string) => {
    await search().getByRole('radio', { name: /Deep/ }).check();
    const box = search().getByRole('searchbox', { name: 'Search' });
    await box.fill(query);
    await box.press('Enter');
  };

  test('the rewrite edited in the stage panel: the later stages re-run from the cache, their deltas and hit counts shown', async () => {
    await deepSearch(QUERY);
    await panel().getByText('Deep search done').waitFor({ timeout: 120_000 });
    const rewrite = stage('Keyword rewrite');
    assert.match(await rewrite.innerText(), /keyword rewrite: [\d,]+ hits?/);
    const retrieval = stage('Retrieval with the expanded query');
    assert.match(await retrieval.innerText(), /\d+ new in the top 10, \d+ moved, \d+ hits/);
    assert.match(await retrieval.innerText(), /expanded query: [\d,]+ hits?/);
    assert.match(await stage('Expansion round 1').innerText(), /sample 1: [\d,]+ hits?[\s\S]*round query: [\d,]+ hits?/);
    const before = { rewriter: llmCalls('rewriter'), expander: llmCalls('expander'), hits: await retrieval.locator('.search-stage-queries').innerText() };
    assert.ok(before.rewriter > 0 && before.expander > 0);

    await rewrite.getByRole('button', { name: 'Edit Keyword rewrite' }).click();
    const form = panel().getByRole('form', { name: 'Edit Keyword rewrite' });
    assert.equal(await form.getByLabel('Keyword rewrite').inputValue(), 'vitamin D deficiency cancer risk');
    await form.getByLabel('Keyword rewrite').fill('ergocalciferol supplementation mortality trial');
    await form.getByRole('button', { name: 'Re-run from here' }).click();
    await stage('Keyword rewrite').getByText('edited by the user').waitFor({ timeout: 60_000 });
    await panel().getByText('Deep search done').waitFor({ timeout: 120_000 });
    const after = stage('Retrieval with the expanded query');
    assert.match(await after.innerText(), /\d+ new in the top 10, \d+ moved, \d+ hits/);
    assert.notEqual(await after.locator('.search-stage-queries').innerText(), before.hits, 'the retrieval ran again with the edited rewrite\'s words');
    assert.deepEqual({ rewriter: llmCalls('rewriter'), expander: llmCalls('expander') }, { rewriter: before.rewriter, expander: before.expander },
      'the rewrite and the expansion were not asked again');
    await after.getByText(/results? moved in the top 10/).click();
    await screenshot(page, '18-deep-rewrite-edited');
  });

  test('Ollama unreachable: the RM3 fallback\'s terms edited in the stage panel re-rank, with each term\'s hit count', async () => {
    const saved = await bridge.call('setSettings', { ollama: { host: `http://127.0.0.1:${await deadPort()}` } }) as { ok: boolean };
    assert.equal(saved.ok, true);
    // A query not asked before: the LLM reply cache would otherwise answer its stages.
    await deepSearch('Serum calcium and bone fractures in older adults.');
    await panel().getByText('Deep search without the LLM').waitFor({ timeout: 60_000 });
    const rm3 = stage('RM3 feedback expansion');
    assert.match(await rm3.innerText(), /expanded query: [\d,]+ hits?/);
    await rm3.getByRole('button', { name: 'Edit RM3 feedback expansion' }).click();
    const form = panel().getByRole('form', { name: 'Edit RM3 feedback expansion' });
    assert.match(await form.getByLabel(/RM3 terms and weights/).inputValue(), /^\S+ 0\.\d{3}, /);
    await form.getByLabel(/RM3 terms and weights/).fill('fracture 0.2, calciferol 0.3, tumours 0.5');
    await form.getByRole('button', { name: 'Re-run from here' }).click();
    await stage('RM3 feedback expansion').getByText(/RM3 terms edited by the user/).waitFor({ timeout: 60_000 });
    const edited = stage('RM3 feedback expansion');
    await edited.getByText('Terms and weights').click();
    await edited.getByText('tumour 0.500, calciferol 0.300, fractur 0.200').waitFor();
    assert.match(await edited.innerText(), /tumour: [\d,]+ hits?/);
    await screenshot(page, '18-deep-rm3-edited');
  });
});
