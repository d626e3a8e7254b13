/** `delve zotero import <dir> [--base-dir <folder>] [--db <file>] [--json]`: a Zotero library's items as records, its PDFs indexed with Zotero's metadata. */
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
    const s = await engine.importZotero(dir, { signal: interrupt.signal, onProgress: (p) => bar?.update(p), ...(a.baseDir ? { baseDir: a.baseDir } : {}) });
    bar?.end();
    if (a.json) { out(JSON.stringify(s)); return; }
    const r = s.records;
    out(`${s.library} (${s.schemaVersion === null ? 'no schema version' : `userdata ${s.schemaVersion}`}): ${r.items} items as records: ${r.added} added, ` +
      `${r.updated} updated, ${r.removed} removed, ${r.unchanged} unchanged; ${s.notes} notes, ${s.otherAttachments} other attachments noted`);
    out(`  ${s.items} items with PDFs: ${s.added} added, ${s.updated} updated, ${s.removed} removed, ${s.unchanged} unchanged ` +
      `(${s.parsed} PDFs parsed, ${(s.ms / 1000).toFixed(1)} s)`);
    for (const k of s.skipped) out(`  skipped ${k.path}: ${k.code} ${k.message}`);
  } finally {
    bar?.end();
    interrupt.release();
  }
}
