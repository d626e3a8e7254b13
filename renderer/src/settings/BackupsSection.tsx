/**
 * Settings → "Your data and backups" (engine: main/engine/backup/): what Delve keeps on its own, the
 * list of backups (BackupList), "Back up now" (a full copy), "Export my work…" (the user-data export
 * through the save dialog) and a restore with its report. Errors show as the bridge's {code, message}.
 * The list follows new backups while the section is open (useBackupList).
 */
import { useState } from 'react';
import { api, errorText, unwrap, type ListedBackup } from '../api.js';
import { LIBRARY_RESTORED_EVENT } from '../app/nav.js';
import { formatBytes } from '../app/StatusBar.js';
import { fileName } from '../format.js';
import { BackupList } from './BackupList.js';
import { restoreWords } from './backupWords.js';
import { useBackupList } from './useBackupList.js';
import './Backups.css';

type Busy = 'backup' | 'export' | 'restore' | null;

export function BackupsSection() {
  const { backups, listError, reload: load } = useBackupList();
  const [busy, setBusy] = useState<Busy>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [done, setDone] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Runs one action: its result's sentences, or its error, replace the last ones; the list is read again. */
  const run = async (what: Exclude<Busy, null>, action: () => Promise<string[] | null>, failed: string) => {
    setBusy(what);
    setDone(null);
    setError(null);
    try {
      const lines = await action();
      if (lines) setDone(lines);
    } catch (err) {
      setError(`${failed} (${errorText(err)})`);
    } finally {
      setBusy(null);
      setRestoring(null);
      void load();
    }
  };

  const backUp = () => run('backup', async () => {
    const b = await unwrap(api().backup());
    return [`Backed up the whole library to ${fileName(b.file)} (${formatBytes(b.bytes)}).`];
  }, 'Could not back up');
  const exportWork = () => run('export', async () => {
    const path = await unwrap(api().saveUserData());
    return path === null ? null : [`Your work was exported to ${path}.`];
  }, 'Could not export your work');
  const restore = (b: ListedBackup) => {
    setRestoring(b.file);
    void run('restore', async () => {
      const report = await unwrap(api().restoreBackup(b.file));
      window.dispatchEvent(new Event(LIBRARY_RESTORED_EVENT));
      return restoreWords(report);
    }, 'Could not restore the backup');
  };

  return (
    <section className="settings-section" aria-labelledby="settings-backups">
      <h3 id="settings-backups">Your data and backups</h3>
      <p className="settings-note">
        Your own work — collections, evidence and notes, corrections, folders and searches — lives in the library beside the index
        of your documents. Delve keeps a snapshot of it after each change (the newest 10) and a copy of the whole library before
        each upgrade of its database (the newest 3), in the “backups” folder beside the library.
      </p>
      <div className="settings-row">
        <button type="button" onClick={() => void backUp()} disabled={busy !== null}>{busy === 'backup' ? 'Backing up…' : 'Back up now'}</button>
        <button type="button" onClick={() => void exportWork()} disabled={busy !== null}>{busy === 'export' ? 'Exporting…' : 'Export my work…'}</button>
        <span className="settings-note">“Export my work” saves your work alone as a JSON file, to keep elsewhere or to restore on another computer.</span>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {done && (
        <div className="backup-done" role="status">
          {done.map((line) => <p key={line}>{line}</p>)}
        </div>
      )}
      {listError && (
        <p className="error" role="alert">Could not list the backups ({listError}) <button type="button" onClick={() => void load()}>Try again</button></p>
      )}
      {backups === null && !listError && <p className="settings-note">Loading backups…</p>}
      {backups?.length === 0 && <p className="settings-note">No backups yet: the first snapshot is taken after your first collection or correction.</p>}
      {backups && backups.length > 0 && <BackupList backups={backups} busy={busy !== null} restoring={restoring} onRestore={restore} />}
    </section>
  );
}
