/**
 * The library's backups, newest first: what each is, when, its size and what it holds, with
 * "Restore…", which asks inline, saying what a restore does (backupWords.ts), before calling `onRestore`.
 */
import { useState } from 'react';
import type { ListedBackup } from '../api.js';
import { formatBytes } from '../app/StatusBar.js';
import { isoDateTime } from '../format.js';
import { backupKind, backupScope, holdsWords, RESTORE_MERGES, RESTORE_REPLACES } from './backupWords.js';

/** Shown before "Show all". */
export const FIRST_SHOWN = 6;

const seconds = (ms: number) => `${isoDateTime(ms)}:${String(new Date(ms).getSeconds()).padStart(2, '0')}`;

interface Props {
  backups: readonly ListedBackup[];
  /** A restore or backup is running: the buttons wait. */
  busy: boolean;
  /** The file being restored, for its button's label. */
  restoring: string | null;
  onRestore(b: ListedBackup): void;
}

export function BackupList({ backups, busy, restoring, onRestore }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const shown = all ? backups : backups.slice(0, FIRST_SHOWN);

  return (
    <>
      <ul className="backups" aria-label="Backups">
        {shown.map((b) => {
          const when = seconds(b.createdAt);
          const holds = holdsWords(b.holds);
          return (
            <li key={b.file} className="backup">
              <div className="backup-row">
                <div className="backup-main">
                  <span className="backup-kind">{backupKind(b)}<span className="settings-tag">{backupScope(b)}</span></span>
                  <span className="settings-note">{when} · {formatBytes(b.bytes)}</span>
                  <span className="settings-note">{holds ?? 'What it holds is not known (an older copy, or a file that cannot be read).'}</span>
                </div>
                {confirming !== b.file && (
                  <button type="button" aria-label={`Restore the ${backupKind(b).toLowerCase()} of ${when}`} disabled={busy} onClick={() => setConfirming(b.file)}>
                    Restore…
                  </button>
                )}
              </div>
              {confirming === b.file && (
                <div className="backup-confirm" role="group" aria-label={`Restore the backup of ${when}?`}>
                  <p>{RESTORE_MERGES}</p>
                  <p className="settings-note">If the library is damaged, restoring replaces it instead. {RESTORE_REPLACES}</p>
                  <div className="settings-row">
                    <button type="button" className="primary" disabled={busy} onClick={() => { setConfirming(null); onRestore(b); }}>
                      Restore this backup
                    </button>
                    <button type="button" disabled={busy} onClick={() => setConfirming(null)}>Cancel</button>
                  </div>
                </div>
              )}
              {restoring === b.file && <span className="settings-note" role="status">Restoring…</span>}
            </li>
          );
        })}
      </ul>
      {backups.length > FIRST_SHOWN && (
        <button type="button" className="backup-more" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show the newest only' : `Show all ${backups.length} backups`}
        </button>
      )}
    </>
  );
}
