/**
 * The footer status bar: library size, the embedding model and its provider, Ollama's state and
 * host, and "Indexing…" while a job runs. Polls appStatus every 5 s and refreshes when an index
 * job ends. Also applies the saved theme at startup (the bar is always mounted).
 */
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap, type AppStatus } from '../api.js';
import { plural } from '../format.js';
import { useThemeFromSettings } from './theme.js';
import './StatusBar.css';

export const STATUS_POLL_MS = 5000;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(v < 100 ? 1 : 0)} ${units[i]}`;
}

const PROVIDERS: Record<string, string> = { cpu: 'CPU', cuda: 'CUDA', dml: 'DirectML', coreml: 'Core ML', webgpu: 'WebGPU', wasm: 'WASM' };

export const providerLabel = (p: string): string => PROVIDERS[p.toLowerCase()] ?? p;

/** "12 documents · 340 chunks · 12.3 MB" */
export const libraryLine = (s: AppStatus): string =>
  [plural(s.documents, 'document'), plural(s.chunks, 'chunk'), formatBytes(s.dbBytes)].join(' · ');

/** "all-minilm-l6-v2 · CPU" (with chunks/s once measured), or the BM25-only notice. */
export function embedderLine(s: AppStatus): string {
  if (!s.embedding) return 'No embedding model — BM25 only';
  const parts = [s.embedding.model, providerLabel(s.embedding.provider)];
  if (s.embedding.chunksPerSec !== null && s.embedding.chunksPerSec > 0) parts.push(`${s.embedding.chunksPerSec.toFixed(0)} chunks/s`);
  return parts.join(' · ');
}

export function StatusBar() {
  useThemeFromSettings();
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    unwrap(api().appStatus())
      .then((s) => { setStatus(s); setError(null); })
      .catch((e: Error & { code?: string }) => setError(e.code ? `${e.code}: ${e.message}` : e.message));
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, STATUS_POLL_MS);
    const off = api().on('index:progress', (p) => { if (p.phase === 'done') refresh(); });
    return () => { clearInterval(timer); off(); };
  }, [refresh]);

  return (
    <footer className="statusbar" aria-label="Status">
      {!status && !error && <span className="muted">Loading status…</span>}
      {error && !status && <span className="error" role="alert">Status unavailable — {error}</span>}
      {status && (
        <>
          <span className="statusbar-item">{libraryLine(status)}</span>
          <span className="statusbar-item" title={status.embedding?.fallbackReason ?? undefined}>
            {embedderLine(status)}
            {status.embedding && !status.embedding.complete && <span className="statusbar-warn"> · vectors incomplete</span>}
          </span>
          <span className="statusbar-item" title={status.ollama.message ?? undefined}>
            <span className={`statusbar-dot ${status.ollama.ok ? 'is-ok' : 'is-down'}`} aria-hidden="true" />
            {status.ollama.ok ? 'Ollama ready' : 'Ollama not running'}
            <span className="muted"> · {status.ollama.host}</span>
          </span>
          {status.indexing && <span className="statusbar-item statusbar-busy" role="status">Indexing…</span>}
        </>
      )}
    </footer>
  );
}
