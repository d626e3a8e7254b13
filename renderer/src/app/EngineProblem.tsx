/**
 * A banner over the screens when the engine cannot start or open the library (engineProblem.ts):
 * what happened, what to do, the engine's own message, and "Try again". A damaged library
 * (DB_CORRUPT) offers a restore from its backups (DamagedLibrary); a busy one (DB_BUSY) names who
 * holds it and is checked again every few seconds. Checks once at startup and on each try; it
 * disappears once the engine answers (after a restore, leaving what the restore did).
 */
import { useCallback, useEffect, useState } from 'react';
import { api, type IpcError } from '../api.js';
import { isoDateTime } from '../format.js';
import { DamagedLibrary } from './DamagedLibrary.js';
import { LIBRARY_RESTORED_EVENT } from './nav.js';
import { BUSY_RETRY_MS, busyHolder, engineProblem } from './engineProblem.js';
import './EngineProblem.css';

export function EngineProblem() {
  const [error, setError] = useState<IpcError | null>(null);
  const [checking, setChecking] = useState(true);
  const [restored, setRestored] = useState<string[] | null>(null);

  const check = useCallback(() => {
    setChecking(true);
    void api().appStatus().then((r) => {
      setError(r.ok ? null : r.error);
      setChecking(false);
    });
  }, []);
  useEffect(check, [check]);
  // A busy library frees itself: look again after a while (each look schedules the next).
  useEffect(() => {
    if (error?.code !== 'DB_BUSY' || checking) return;
    const t = setTimeout(check, BUSY_RETRY_MS);
    return () => clearTimeout(t);
  }, [error, checking, check]);

  const text = error ? engineProblem(error) : null;
  if (!error || !text) {
    if (!restored) return null;
    return (
      <div className="engine-problem is-restored" role="status" aria-label="The library was restored">
        <h2>The library was restored</h2>
        {restored.map((line) => <p key={line}>{line}</p>)}
        <button type="button" onClick={() => setRestored(null)}>Dismiss</button>
      </div>
    );
  }
  const holder = error.code === 'DB_BUSY' ? busyHolder(error.message) : null;
  return (
    <div className="engine-problem" role="alert" aria-labelledby="engine-problem-title">
      <h2 id="engine-problem-title">{text.title}</h2>
      <p>{text.advice}</p>
      {holder && <p><strong>Held by:</strong> another Delve process ({holder.who}), {holder.job} since {isoDateTime(holder.since)}.</p>}
      {error.code === 'DB_CORRUPT' && (
        <DamagedLibrary onRestored={(lines) => { setRestored(lines); check(); window.dispatchEvent(new Event(LIBRARY_RESTORED_EVENT)); }} />
      )}
      <p className="engine-problem-detail"><code>{error.code}</code> {error.message}</p>
      <button type="button" onClick={check} disabled={checking}>{checking ? 'Checking…' : error.code === 'DB_BUSY' ? 'Try again now' : 'Try again'}</button>
    </div>
  );
}
