/**
 * Test support (used by main/engine/strategy/*.test.ts): the real published strategies in
 * test/fixtures/strategies with their sources, and helpers to re-read a translation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './shared.js';
import type { Translation } from '../../main/engine/strategy/translate.js';

export interface RealStrategy { file: string; text: string; database: string; expect: 'translated' | 'recognised'; source: string }

export function realStrategies(): RealStrategy[] {
  const dir = join(REPO_ROOT, 'test', 'fixtures', 'strategies');
  const meta = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as Record<string, { database: string; expect: 'translated' | 'recognised'; source: string }>;
  return Object.entries(meta).filter(([k]) => k.endsWith('.txt')).map(([file, m]) => ({ file, text: readFileSync(join(dir, file), 'utf8'), ...m }));
}

/** The translated lines as a strategy text in the target syntax (`#n …` for PubMed, `n. …` for Ovid). */
export function asText(t: Translation): string {
  return t.lines.map((l) => (t.to === 'pubmed' ? `#${l.n} ${l.translated ?? ''}` : `${l.n}. ${l.translated ?? ''}`)).join('\n');
}
