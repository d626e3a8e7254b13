/**
 * A banner over the screens when the engine cannot start or open the library (engineProblem.ts):
 * what happened, what to do, the engine's own message, and "Try again". A damaged library
 * (DB_CORRUPT) offers a restore from its backups (DamagedLibrary); a busy one (DB_BUSY) names who
 * holds it. It reads the window's shared appStatus (appStatusStore.ts: at startup, then every few
 * seconds, so a busy library is seen free without a click) and again on each try; it disappears once
 * the engine answers (after a restore, leaving what the restore did).
 */
import { useState, useSyncExternalStore } from 'react';
import { isoDateTime } from '../format.js';
import { appStatusSnapshot, refreshAppStatus, subscribeAppStatus } from './appStatusStore.js';
import { DamagedLibrary } from './DamagedLibrary.js';
import { LIBRARY_RESTORED_EVENT } from './nav.js';
import { busyHolder, engineProblem } from './engineProblem.js';
import './EngineProblem.css';

export function EngineProblem() {
  const { failure } = useSyncExternalStore(subscribeAppStatus, appStatusSnapshot);
  const error = failure?.code ? failure : null;
  const [trying, setTrying] = useState(false);
  const [restored, setRestored] = useState<string[] | null>(null);
  const check = () => {
    setTrying(true);
    void refreshAppStatus().finally(() => setTrying(false));
  };

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
      <button type="button" onClick={check} disabled={trying}>{trying ? 'Checking…' : error.code === 'DB_BUSY' ? 'Try again now' : 'Try again'}</button>
    </div>
  );
}
