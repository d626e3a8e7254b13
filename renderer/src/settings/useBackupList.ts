/**
 * The list of backups for Settings → Your data and backups, kept current while the screen is open: read
 * at mount, after the section's own actions (`reload`), when the engine says a backup was written or
 * removed (`backups:changed`: its automatic snapshot after a change, a copy before an upgrade, rotation),
 * and when the window comes back into focus or view (a `delve backup` run in a terminal is another
 * process, which the engine cannot see). One read at a time: a reload asked for while one runs is done
 * once after it, however many were asked for.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorText, unwrap, type ListedBackup } from '../api.js';


export interface BackupList {
  /** null until the first read answers. */
  backups: ListedBackup[] | null;
  /** The last read's error, as "CODE: message"; null once a read succeeds. */
  listError: string | null;
  reload(): Promise<void>;
}

export function useBackupList(): BackupList {
  const [backups, setBackups] = useState<ListedBackup[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const reading = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });

  const reload = useCallback(async () => {
    const r = reading.current;
    if (r.running) {
      r.again = true;
      return;
    }
    r.running = true;
    try {
      do {
        r.again = false;
        try {
          setBackups(await unwrap(api().backups()));
          setListError(null);
        } catch (err) {
          setListError(errorText(err));
        }
      } while (r.again);
    } finally {
      r.running = false;
    }
  }, []);

  useEffect(() => {
    void reload();
    const again = () => { void reload(); };
    const shown = () => { if (document.visibilityState === 'visible') again(); };
    const off = api().on('backups:changed', again);
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', shown);
    return () => {
      off();
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', shown);
    };
  }, [reload]);

  return { backups, listError, reload };
}
