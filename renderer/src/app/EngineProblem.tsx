/**
 * A banner over the screens when the engine cannot start or open the library (engineProblem.ts):
 * what happened, what to do, the engine's own message, and "Try again". Checks once at startup and
 * on each try; it disappears once the engine answers.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, type IpcError } from '../api.js';
import { engineProblem } from './engineProblem.js';
import './EngineProblem.css';

export function EngineProblem() {
  const [error, setError] = useState<IpcError | null>(null);
  const [checking, setChecking] = useState(true);

  const check = useCallback(() => {
    setChecking(true);
    void api().appStatus().then((r) => {
      setError(r.ok ? null : r.error);
      setChecking(false);
    });
  }, []);
  useEffect(check, [check]);

  const text = error ? engineProblem(error) : null;
  if (!error || !text) return null;
  return (
    <div className="engine-problem" role="alert" aria-labelledby="engine-problem-title">
      <h2 id="engine-problem-title">{text.title}</h2>
      <p>{text.advice}</p>
      <p className="engine-problem-detail"><code>{error.code}</code> {error.message}</p>
      <button type="button" onClick={check} disabled={checking}>{checking ? 'Checking…' : 'Try again'}</button>
    </div>
  );
}
