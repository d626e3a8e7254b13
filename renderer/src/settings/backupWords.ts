/**
 * Backups in words (engine: main/engine/backup/README.md): what each one is, what it holds, what a
 * restore does and what it did. Pure functions, shared by Settings → Your data and the damaged-library banner.
 */
import type { BackupContents, ListedBackup, RestoreReport } from '../api.js';
import { fileName, plural } from '../format.js';

/** "Automatic snapshot of your work", "Copy before a database upgrade", … */
export function backupKind(b: Pick<ListedBackup, 'kind' | 'label'>): string {
  switch (b.label) {
    case 'auto': return 'Automatic snapshot of your work';
    case 'pre-migration': return 'Copy before a database upgrade';
    case 'pre-restore': return 'Snapshot taken before a restore';
    default: return b.kind === 'full' ? 'Backup made by you' : 'Export of your work made by you';
  }
}

/** What kind of file it is: the whole library, or the user's own work alone. */
export const backupScope = (b: Pick<ListedBackup, 'kind'>): string =>
  b.kind === 'full' ? 'whole library' : 'your work only';

/** "2 collections · 14 pieces of evidence · 3 notes · 1 correction"; null when the backup could not be read. */
export function holdsWords(h: BackupContents | null): string | null {
  if (h === null) return null;
  const evidence = `${h.evidence.toLocaleString()} ${h.evidence === 1 ? 'piece' : 'pieces'} of evidence`;
  return [plural(h.collections, 'collection'), evidence, plural(h.notes, 'note'), plural(h.corrections, 'correction')].join(' · ');
}

/** What "Restore" does to a library that opens (the merge of backup/user-data.ts). */
export const RESTORE_MERGES =
  'Restoring adds back what this backup holds and your library lacks: collections (deleted ones too), their evidence and notes, ' +
  'corrections, folders and searches. Nothing is removed or overwritten: where both have something, the library’s version stays, ' +
  'so the work you did after this backup is kept. A snapshot of your work is taken first.';

/** What "Restore" does to a damaged library (restoreLibrary in backup/restore.ts). */
export const RESTORE_REPLACES =
  'The damaged file is moved aside (kept beside it, named “.damaged-” and the time), this backup takes its place, ' +
  'and the newest automatic snapshot of your work is then merged in, so what you made after this backup is kept too.';

/** The result of a restore, in sentences. */
export function restoreWords(r: RestoreReport): string[] {
  const lines: string[] = [];
  if (r.replaced) {
    lines.push(r.replaced.damaged ? `The damaged library was moved to ${fileName(r.replaced.damaged)}.` : 'There was no library: a new one was made.');
    lines.push(r.kind === 'full' ? 'The backup took its place.' : 'A new library was made from your work; add or index your folders again to search your documents.');
    if (r.replaced.snapshot) lines.push('The newest automatic snapshot was merged in (what you made after the backup).');
  }
  const evidence = `${r.evidence.added.toLocaleString()} ${r.evidence.added === 1 ? 'piece' : 'pieces'} of evidence added (${r.evidence.kept.toLocaleString()} already there)`;
  lines.push(`${plural(r.collections.added, 'collection')} added (${r.collections.merged.toLocaleString()} already there), ${evidence}, ` +
    `${plural(r.corrections.added, 'correction')} added, ${plural(r.roots.added, 'folder')} added.`);
  if (r.corrections.pending > 0) {
    lines.push(`${plural(r.corrections.pending, 'correction')} for documents not in the library yet: index your folders, then restore the same backup again.`);
  }
  return lines;
}

/** The backup to restore a damaged library from: the newest whole copy (it brings the index back), else the newest backup. */
export function bestForDamaged(list: readonly ListedBackup[]): ListedBackup | null {
  return list.find((b) => b.kind === 'full') ?? list[0] ?? null;
}
