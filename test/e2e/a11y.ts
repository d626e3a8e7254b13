/**
 * axe-core in the page: evaluates the package's axe.min.js and runs it over the document (WCAG 2 A/AA
 * rules and best practices), returning the violations counted by impact.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let source: string | null = null;

export interface AxeCounts { minor: number; moderate: number; serious: number; critical: number; rules: string[] }

export async function axeCounts(page: Page): Promise<AxeCounts> {
  // Evaluated through the debugging protocol: the app's CSP (script-src 'self') refuses an injected <script>.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate((source ??= readFileSync(AXE, 'utf8')));
  const violations = await page.evaluate(`window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(' ') })))`) as
    { id: string; impact: keyof Omit<AxeCounts, 'rules'> | null; nodes: number; target: string }[];
  const counts: AxeCounts = { minor: 0, moderate: 0, serious: 0, critical: 0, rules: [] };
  for (const v of violations) {
    if (v.impact) counts[v.impact] += v.nodes;
    counts.rules.push(`${v.impact ?? '?'}:${v.id} (${v.nodes}) ${v.target}`);
  }
  return counts;
}

/** One line of the a11y log: the counts by impact and, where any, the rules. */
export function axeLine(what: string, c: AxeCounts): string {
  return `${what}: critical ${c.critical}, serious ${c.serious}, moderate ${c.moderate}, minor ${c.minor}${c.rules.length ? ` (${c.rules.join('; ')})` : ''}`;
}

/**
 * axe over a screen as it is now (light), then in the dark theme: `setTheme` saves the theme in the settings, the
 * page is reloaded and `reopen` brings the screen back. Returns the two log lines; the caller asserts on the counts.
 */
export async function axeLightAndDark(page: Page, what: string, setTheme: (t: 'light' | 'dark') => Promise<unknown>, reopen: () => Promise<void>): Promise<{ line: string; counts: AxeCounts }[]> {
  const light = await axeCounts(page);
  const out = [{ line: axeLine(`${what} (light)`, light), counts: light }];
  await setTheme('dark');
  try {
    await page.reload();
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset.theme === 'dark');
    await reopen();
    const dark = await axeCounts(page);
    out.push({ line: axeLine(`${what} (dark)`, dark), counts: dark });
  } finally {
    await setTheme('light');
  }
  return out;
}
