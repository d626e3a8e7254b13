/** `delve zotero import <dir> [--db <file>] [--json]`: indexes a Zotero data folder's PDFs with Zotero's metadata. */
import type { DelveEngine } from '../index.js';
import { UsageError, type Parsed } from './args.js';
import { progressBar } from './progress-bar.js';
import { onInterrupt } from './interrupt.js';

type Out = (s: string) => void;

export async function zoteroCommand(engine: DelveEngine, a: Parsed, out: Out): Promise<void> {
  const [sub, dir, ...extra] = a.positionals;
  if (sub !== 'import') throw new UsageError(sub ? `unknown zotero command "${sub}"` : 'zotero needs a command: import <Zotero data folder>');
  if (!dir || extra.length > 0) throw new UsageError('zotero import takes one Zotero data folder (the folder with zotero.sqlite)');
  const bar = a.json ? null : progressBar();
  const interrupt = onInterrupt();
  try {
    const s = await engine.importZotero(dir, { signal: interrupt.signal, onProgress: (p) => bar?.update(p) });
    bar?.end();
    if (a.json) { out(JSON.stringify(s)); return; }
    out(`${s.library}: ${s.items} items with PDFs: ${s.added} added, ${s.updated} updated, ${s.removed} removed, ${s.unchanged} unchanged ` +
      `(${s.parsed} PDFs parsed, ${(s.ms / 1000).toFixed(1)} s)`);
    for (const k of s.skipped) out(`  skipped ${k.path}: ${k.code} ${k.message}`);
  } finally {
    bar?.end();
    interrupt.release();
  }
}
