/**
 * Chromium for the end-to-end suite, through playwright-core: the Debian package's binary
 * (/usr/bin/chromium, or $DELVE_CHROMIUM). `.ci/run` installs it; a machine without it skips the
 * suite with a message, except under CI, where a missing browser fails.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers/shared.js';

export const CHROMIUM = process.env.DELVE_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');

/** Why the suite cannot run here, or null. */
export function missingBrowser(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set DELVE_CHROMIUM)`;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Chromium opened on the app at `url` (the e2e bridge): page errors logged, the screens' navigation drawn. */
export async function openApp(url: string, viewport: { width: number; height: number }): Promise<{ browser: Browser; page: Page }> {
  const browser = await launch();
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  return { browser, page };
}

/** Clicks a screen's button in the navigation ("Search", "Review", …). */
export function openScreen(page: Page, name: string): Promise<void> {
  return page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();
}
