/** The library's folders with their totals; Remove asks inline before taking a folder out. */
import { useState } from 'react';
import { api, unwrap, type LibraryRoot, errorText } from '../api.js';
import { plural } from '../format.js';

interface Props {
  roots: LibraryRoot[] | null;
  busy: boolean;
  onRemoved(): void;
}

export function FolderList({ roots, busy, onRemoved }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);

  async function remove(path: string) {
    setRemoving(path);
    setError(null);
    try {
      const r = await unwrap(api().removeRoot(path));
      setRemoved(`Removed ${path} (${plural(r.documents, 'document')}). The files themselves were not touched.`);
      setConfirming(null);
      onRemoved();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setRemoving(null);
    }
  }

  if (roots === null) return <p className="muted">Loading folders…</p>;
  return (
    <div>
      {error && <p role="alert" className="error">Could not remove the folder ({error})</p>}
      {removed && <p role="status" className="muted">{removed}</p>}
      {roots.length === 0 ? (
        <p className="library-empty muted">No folders yet. Add a folder of PDFs and notes, or drop one here, to build your library.</p>
      ) : (
        <ul className="library-folders" aria-label="Folders">
          {roots.map((r) => (
            <li key={r.path} className="library-folder">
              <span className="library-path" title={r.path}>{r.path}</span>
              <span className="library-folder-counts muted">
                {plural(r.documents, 'document')}{r.pages > 0 ? ` · ${plural(r.pages, 'page')}` : ''} · {plural(r.chunks, 'chunk')}
                {r.errors > 0 && <> · <span className="error">{plural(r.errors, 'error')}</span></>}
              </span>
              {confirming === r.path ? (
                <span className="library-confirm" role="group" aria-label={`Remove ${r.path}?`}>
                  <span>Remove from the library?</span>
                  <button type="button" className="library-danger" disabled={removing !== null} onClick={() => void remove(r.path)}>
                    {removing === r.path ? 'Removing…' : 'Remove folder'}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)} disabled={removing !== null}>Keep</button>
                </span>
              ) : (
                <button type="button" aria-label={`Remove ${r.path}`} disabled={busy} onClick={() => { setConfirming(r.path); setRemoved(null); }}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
