/**
 * The way out of a damaged library (DB_CORRUPT), inside the engine-problem banner: the backup to
 * restore from (the newest whole copy, else the newest backup; backupWords.ts bestForDamaged), what
 * restoring does, and the restore itself; "All backups…" opens Settings → Your data and backups.
 */
import { useEffect, useState } from 'react';
import { api, errorText, unwrap, type ListedBackup } from '../api.js';
import { isoDateTime } from '../format.js';
import { backupKind, backupScope, bestForDamaged, holdsWords, RESTORE_REPLACES, restoreWords } from '../settings/backupWords.js';
import { useNav } from './nav.js';
import '../settings/Backups.css';

export function DamagedLibrary({ onRestored }: { onRestored(lines: string[]): void }) {
  const nav = useNav();
  const [best, setBest] = useState<ListedBackup | null | undefined>(undefined);
  const [listError, setListError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    unwrap(api().backups()).then(
      (list) => { if (live) setBest(bestForDamaged(list)); },
      (err: unknown) => { if (live) { setBest(null); setListError(errorText(err)); } },
    );
    return () => { live = false; };
  }, []);

  const restore = async (b: ListedBackup) => {
    setRestoring(true);
    setError(null);
    try {
      onRestored(restoreWords(await unwrap(api().restoreBackup(b.file))));
    } catch (err) {
      setError(`Could not restore the backup (${errorText(err)})`);
    } finally {
      setRestoring(false);
      setConfirming(false);
    }
  };

  if (best === undefined) return <p className="muted">Looking for backups…</p>;
  if (best === null) {
    return <p>{listError ? `The backups could not be listed (${listError}).` : 'There are no backups of this library.'}</p>;
  }
  const holds = holdsWords(best.holds);
  return (
    <div className="damaged-restore">
      <p>
        <strong>Backup to restore from:</strong> {backupKind(best).toLowerCase()} of {isoDateTime(best.createdAt)} ({backupScope(best)})
        {holds ? `, holding ${holds}` : ''}.
      </p>
      {confirming ? (
        <div className="backup-confirm" role="group" aria-label="Restore the library from this backup?">
          <p>{RESTORE_REPLACES}</p>
          {best.kind !== 'full' && <p>This backup holds your work only: index your folders again afterwards to search your documents.</p>}
          <div className="engine-problem-actions">
            <button type="button" className="primary" disabled={restoring} onClick={() => void restore(best)}>
              {restoring ? 'Restoring…' : 'Restore the library'}
            </button>
            <button type="button" disabled={restoring} onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        </div>
      ) : (
        <div className="engine-problem-actions">
          <button type="button" className="primary" onClick={() => setConfirming(true)}>Restore from this backup…</button>
          {nav.openSettings && <button type="button" onClick={() => nav.openSettings?.('backups')}>All backups…</button>}
        </div>
      )}
      {error && <p className="error">{error}</p>}
    </div>
  );
}
