/**
 * The Trials screen end to end in real Chromium: the built renderer with `window.delve` bound to the
 * real engine through the test bridge, ClinicalTrials.gov played by the local API v2 server on the
 * real fixtures, the rewriter by the Ollama-protocol test server, NCBI by the E-utilities server.
 * A PubMed record (PALLAS's first publication, PMID 34995105) is imported first; then a drafted
 * search is used, run, its trials imported, and the screen shows that PALLAS's results are in the
 * library. Screenshot: test-artifacts/e2e/10-trials.png.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Result } from '../../preload/contract.js';
import { startCtgovServer, type CtgovTestServer } from '../helpers/ctgov-server.js';
import { startEutilsServer, type EutilsTestServer } from '../helpers/eutils-server.js';
import { startOllamaServer, type OllamaTestServer } from '../helpers/ollama-server.js';
import { REPO_ROOT, tempDir } from '../helpers/shared.js';
import { missingBrowser, screenshot, openApp, openScreen } from './browser.js';
import { axeLightAndDark } from './a11y.js';
import { startBridge, type Bridge } from './bridge/server.js';

const missing = missingBrowser() ?? (existsSync(join(REPO_ROOT, 'renderer', 'dist', 'index.html')) ? null : 'renderer/dist is not built (npm run build:renderer)');
if (missing && process.env.CI) throw new Error(`the trials end-to-end test cannot run: ${missing}`);

const PALLAS_PAPER = {
  pmid: '34995105', year: 2022, journal: 'Journal of clinical oncology', doi: '10.1200/JCO.21.01918',
  title: 'Treatment Exposure and Discontinuation in the PALbociclib CoLlaborative Adjuvant Study (PALLAS/AFT-05/ABCSG-42/BIG-14-03).',
  authors: [{ last: 'Mayer', fore: 'Erica L', initials: 'EL' }],
};
const QUERY = 'palbociclib AND AREA[Condition]"breast cancer"';
const REPLIES = [
  `<think>Adjuvant palbociclib trials in early breast cancer.</think><answer>${JSON.stringify({ query: QUERY })}</answer>`,
  `<think>Broader.</think><answer>${JSON.stringify({ query: 'palbociclib OR "breast cancer"' })}</answer>`,
];

describe('Trials screen end to end (Chromium)', { skip: missing ?? false }, () => {
  let bridge: Bridge;
  let ctgov: CtgovTestServer;
  let ncbi: EutilsTestServer;
  let ollama: OllamaTestServer;
  let browser: Browser;
  let page: Page;
  const dir = tempDir('delve-e2e-trials-');

  before(async () => {
    ctgov = await startCtgovServer({
      search: (p) => (p['query.term'] === QUERY ? ['NCT02513394', 'NCT06008288'] : p['query.term'] ? ['NCT06008288', 'NCT05288205'] : [...ctgov.studies.keys()]),
    });
    ncbi = await startEutilsServer({ records: [PALLAS_PAPER] });
    ollama = await startOllamaServer({ models: ['qwen3:4b'] });
    ollama.respond((call) => ({ content: REPLIES[Number(call.options?.seed) - 1000] ?? REPLIES[0]! }));
    process.env.DELVE_CTGOV_URL = ctgov.url;
    process.env.DELVE_CTGOV_PACE_MS = '0';
    bridge = await startBridge({ dataDir: join(dir, 'data'), exportDir: dir });
    const saved = await bridge.call('setSettings', { ollama: { host: ollama.url }, pubmed: { eutils: ncbi.url, apiKey: '', email: 'e2e@example.org' } });
    assert.equal((saved as { ok: boolean }).ok, true, JSON.stringify(saved));
    const pm = await bridge.call('pubmedImport', ['34995105']) as Result<{ imported: number }>;
    assert.ok(pm.ok && pm.data.imported === 1, JSON.stringify(pm));
    ({ browser, page } = await openApp(bridge.url, { width: 1360, height: 1000 }));
  });

  after(async () => {
    await browser?.close();
    await bridge?.close();
    await ctgov?.close();
    await ncbi?.close();
    await ollama?.close();
    delete process.env.DELVE_CTGOV_URL;
    delete process.env.DELVE_CTGOV_PACE_MS;
  });

  test('draft, use, search, import: PALLAS shows its results published in the library', async () => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Trials', exact: true }).click();
    const trials = page.getByRole('region', { name: 'Trials' });
    await trials.getByLabel('Trial question').fill('Adjuvant palbociclib with endocrine therapy in early breast cancer');
    await trials.getByLabel('Known relevant NCT ids').fill('NCT02513394');
    await trials.getByRole('button', { name: 'Draft trial searches' }).click();
    const first = trials.getByRole('article', { name: 'Trial search 1' });
    await first.waitFor({ timeout: 60_000 });
    assert.match(await first.textContent() ?? '', /1\/1 known trial \(100%\)/);
    await first.getByRole('button', { name: 'Use this query' }).click();
    assert.equal(await trials.getByLabel('Essie query').inputValue(), 'palbociclib AND AREA[Condition]"breast cancer"');
    await trials.getByRole('button', { name: 'Search ClinicalTrials.gov' }).click();
    const results = trials.getByRole('region', { name: 'Trial results' });
    await results.waitFor({ timeout: 30_000 });
    assert.match(await results.textContent() ?? '', /2 studies on ClinicalTrials\.gov/);
    await results.getByRole('button', { name: 'Select all not in library' }).click();
    await results.getByRole('button', { name: /^Import selected/ }).click();
    const pubs = results.getByRole('list', { name: 'Publications in your library' });
    await pubs.waitFor({ timeout: 30_000 });
    assert.match(await pubs.textContent() ?? '', /NCT02513394: results published — in your library: Treatment Exposure and Discontinuation .*\(PMID 34995105\)/);
    assert.equal(await results.getByRole('button', { name: 'In library', exact: true }).count(), 2);
    const status = await bridge.call('status') as Result<{ totals: { trials?: number; pubmed: number } }>;
    assert.ok(status.ok && status.data.totals.trials === 2 && status.data.totals.pubmed === 1, JSON.stringify(status.ok && status.data.totals));
    await pubs.scrollIntoViewIfNeeded();
    await screenshot(page, '10-trials');
  });

  test('axe over the Trials screen with results, light and dark: nothing serious or critical', async (t) => {
    const reopen = async () => {
      await openScreen(page, 'Trials');
      await page.getByRole('region', { name: 'Trials', exact: true }).waitFor();
    };
    for (const a of await axeLightAndDark(page, 'trials with results', (theme) => bridge.call('setSettings', { theme }), reopen)) {
      t.diagnostic(a.line);
      assert.equal(a.counts.serious + a.counts.critical, 0, a.line);
    }
  });
});
