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
