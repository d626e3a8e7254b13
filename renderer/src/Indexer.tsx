import { useEffect, useState } from 'react';
import { delve, type IndexProgress, type IpcError } from './api.js';
import { formatProgress, plural } from './format.js';

interface Props {
  onIndexed(): void;
  onError(error: IpcError): void;
}

/** "Add folder": pick folders, index them, show progress while it runs. */
export function Indexer({ onIndexed, onError }: Props) {
  const [progress, setProgress] = useState<IndexProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);

  useEffect(() => delve?.onIndexProgress(setProgress), []);

  async function addFolder() {
    if (!delve) return;
    const picked = await delve.pickFolders();
    if (!picked.ok) return onError(picked.error);
    if (picked.data.length === 0) return;
    setBusy(true);
    setSummary(null);
    setProgress(null);
    try {
      const r = await delve.index(picked.data);
      if (!r.ok) return onError(r.error);
      const s = r.data;
      const skipped = s.skipped.length > 0 ? `, ${plural(s.skipped.length, 'file')} skipped` : '';
      setSummary(`Indexed ${plural(s.changes.added + s.changes.updated, 'file')} in ${(s.ms / 1000).toFixed(1)} s${skipped}`);
      onIndexed();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="indexer">
      <button type="button" onClick={() => void addFolder()} disabled={busy || !delve}>
        Add folder
      </button>
      <span className="progress" role="status">
        {busy && progress ? formatProgress(progress) : busy ? 'Starting…' : summary}
      </span>
    </section>
  );
}
