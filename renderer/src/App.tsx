import { useCallback, useEffect, useState } from 'react';
import { delve, type IpcError, type StatusReport } from './api.js';
import { Indexer } from './Indexer.js';
import { Search } from './Search.js';
import { StatusLine } from './StatusLine.js';

/** The minimal shell: add folders, search, library status. The full UI comes later. */
export function App() {
  const [status, setStatus] = useState<StatusReport | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  const refresh = useCallback(async () => {
    if (!delve) return;
    const r = await delve.status();
    if (r.ok) setStatus(r.data);
    else setError(r.error);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <main className="app">
      <header>
        <h1>Delve</h1>
        <Indexer onIndexed={() => void refresh()} onError={setError} />
      </header>
      {!delve && <p className="error">The Delve bridge is missing: open this page from the Delve app.</p>}
      {error && (
        <p className="error" role="alert">
          {error.message} <code>{error.code}</code>{' '}
          <button type="button" onClick={() => setError(null)}>Dismiss</button>
        </p>
      )}
      <Search onError={setError} />
      <StatusLine status={status} />
    </main>
  );
}
