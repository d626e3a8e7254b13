/**
 * "Check connection" for Ollama: its version, the models installed, the ones the settings name but
 * Ollama lacks, each with a Pull button whose progress comes as `llm:pull` events.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap, type LlmHealth, type LlmPullEvent } from '../api.js';
import { OLLAMA_SETUP, ollamaDown } from '../app/ollamaWords.js';
import { percent, progressText } from './progress.js';

export function LlmHealthPanel({ unsaved }: { unsaved: boolean }) {
  const [health, setHealth] = useState<LlmHealth | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pulls, setPulls] = useState<Record<string, LlmPullEvent | { model: string; requested: true }>>({});

  const check = useCallback(async () => {
    setChecking(true);
    setError(null);
    try {
      setHealth(await unwrap(api().llmHealth()));
    } catch (e) {
      const err = e as { code?: string; message: string };
      setError(`${err.code ?? 'ERROR'}: ${err.message}`);
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => api().on('llm:pull', (e) => {
    setPulls((p) => ({ ...p, [e.model]: e }));
    if (e.done && !e.error) void check();
  }), [check]);

  const pull = async (model: string) => {
    setPulls((p) => ({ ...p, [model]: { model, requested: true } }));
    try {
      await unwrap(api().llmPull(model));
    } catch (e) {
      const err = e as { code?: string; message: string };
      setPulls((p) => ({ ...p, [model]: { model, status: 'failed', completed: 0, total: 0, done: true, error: { code: err.code ?? 'ERROR', message: err.message } } }));
    }
  };

  return (
    <div className="settings-check">
      <div className="settings-row">
        <button type="button" onClick={() => void check()} disabled={checking}>{checking ? 'Checking…' : 'Check connection'}</button>
        {unsaved && <span className="settings-note">Save first to check the changed host or models.</span>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {health && (
        <div className="settings-health" aria-label="Ollama health">
          {health.version !== null
            ? <p><span className="settings-dot is-ok" aria-hidden="true" />Ollama {health.version} at {health.host}</p>
            : <p><span className="settings-dot is-down" aria-hidden="true" />{ollamaDown(health.host)}. {OLLAMA_SETUP}</p>}
          {health.status && health.status.code !== 'OLLAMA_UNREACHABLE' && (
            <p className={health.version === null ? 'error' : 'settings-warn'}>
              <strong>{health.status.code}</strong> — {health.status.message}
            </p>
          )}
          {health.version !== null && (
            <p className="settings-note">Installed: {health.installed.length > 0 ? health.installed.join(', ') : 'no models yet'}</p>
          )}
          {health.missing.length > 0 && (
            <ul className="settings-list" aria-label="Missing models">
              {health.missing.map((m) => {
                const p = pulls[m];
                const ev = p && 'status' in p ? p : null;
                const running = p !== undefined && !(ev?.done ?? false);
                return (
                  <li key={m}>
                    <span className="settings-mono">{m}</span>
                    <button type="button" onClick={() => void pull(m)} disabled={running || health.version === null} aria-label={`Pull ${m}`}>Pull</button>
                    {running && !ev && <span className="settings-note">Starting…</span>}
                    {ev && !ev.error && (
                      <span className="settings-progress" role="status">
                        {ev.done ? 'Pulled' : ev.status}{ev.total > 0 && !ev.done ? ` · ${progressText(ev.completed, ev.total)}` : ''}
                        {!ev.done && ev.total > 0 && <progress max={100} value={percent(ev.completed, ev.total)} aria-label={`Pulling ${m}`} />}
                      </span>
                    )}
                    {ev?.error && <span className="error" role="alert">{ev.error.code}: {ev.error.message}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
