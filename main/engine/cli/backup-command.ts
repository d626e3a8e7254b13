/** `delve backup [--out <file>] [--user-data]` and `delve restore <file>` (backup/README.md). */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DelveEngine, RestoreReport } from '../index.js';
import { restoreLibrary } from '../index.js';
import { UsageError, type Parsed } from './args.js';

type Out = (s: string) => void;

/** The app's settings.json in the data folder, when there is a readable one. */
function appSettings(dataDir: string): Record<string, unknown> | undefined {
  try {
    const raw = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as unknown;
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

export async function backupCommand(engine: DelveEngine, a: Parsed, dataDir: string, out: Out): Promise<void> {
  if (a.positionals.length > 0) throw new UsageError('backup takes no arguments (--out <file> names the copy)');
  const settings = a.userData ? appSettings(dataDir) : undefined;
  const b = await engine.backup({ ...(a.out ? { out: resolve(a.out) } : {}), userData: a.userData, ...(settings ? { settings } : {}) });
  if (a.json) { out(JSON.stringify(b)); return; }
  out(`${b.kind === 'full' ? 'library copied' : 'user data written'} to ${b.file} (${(b.bytes / 1048576).toFixed(2)} MiB)`);
}

export function describeRestore(r: RestoreReport): string[] {
  const lines: string[] = [];
  if (r.replaced) {
    lines.push(r.replaced.damaged ? `the damaged library was moved to ${r.replaced.damaged}` : 'there was no library: a new one was made');
    if (r.kind === 'full') lines.push(`the library was replaced by the backup ${r.file}`);
    if (r.replaced.snapshot) lines.push(`then merged the newest automatic snapshot ${r.replaced.snapshot} (what was made after the backup)`);
  }
  lines.push(`collections: ${r.collections.added} added, ${r.collections.merged} merged; evidence: ${r.evidence.added} added, ${r.evidence.kept} already there; ` +
    `corrections: ${r.corrections.added} added, ${r.corrections.kept} kept (newer in the library); folders: ${r.roots.added} added; history: ${r.history.added} searches added`);
  if (r.corrections.pending > 0) lines.push(`${r.corrections.pending} corrections are for documents not in the library yet: index your folders, then run the same restore again`);
  return lines;
}

export async function restoreCommand(dbPath: string, a: Parsed, dataDir: string, out: Out): Promise<void> {
  if (a.positionals.length !== 1) throw new UsageError('restore takes one backup file (.db or .json)');
  const r = await restoreLibrary(dbPath, resolve(a.positionals[0]!));
  // The app's settings come back only where none are stored (the app checks them when it loads them).
  const file = join(dataDir, 'settings.json');
  const settingsRestored = r.settings !== null && !existsSync(file);
  if (settingsRestored) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(r.settings, null, 2));
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  if (a.json) { out(JSON.stringify({ ...r, settingsRestored })); return; }
  for (const line of describeRestore(r)) out(line);
  if (r.settings !== null) out(settingsRestored ? `app settings restored to ${file}` : `app settings in the backup left out: ${file} holds newer ones`);
}
