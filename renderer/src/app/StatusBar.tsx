/**
 * The footer status bar: library size (by kind when there are several), scanned pages still without
 * text, the embedding model and its provider, Ollama's state and
 * host, and "Indexing…" while a job runs; each item links to where it is changed (the Library,
 * Settings → Embedding model, Settings → Ollama). Polls appStatus (useAppStatus). Also applies the saved theme at startup (the bar is always mounted).
 */
import type { AppStatus } from '../api.js';
import { plural } from '../format.js';
import { KIND_LABELS } from '../library/filterDocuments.js';
import { useNav } from './nav.js';
import { useThemeFromSettings } from './theme.js';
import { useAppStatus } from './useAppStatus.js';
import './StatusBar.css';

export { STATUS_POLL_MS } from './useAppStatus.js';

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

/** "12 documents · 340 chunks · 12.3 MB"; with several kinds "12 documents (8 PDF, 2 Word, 1 Web page, 1 EPUB) · …". */
export function libraryLine(s: AppStatus): string {
  const kinds = Object.entries(s.kinds).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const docs = plural(s.documents, 'document') + (kinds.length > 1 ? ` (${kinds.map(([k, n]) => `${n.toLocaleString()} ${KIND_LABELS[k as keyof typeof KIND_LABELS]}`).join(', ')})` : '');
  return [docs, plural(s.chunks, 'chunk'), formatBytes(s.dbBytes)].join(' · ');
}

/** "all-minilm-l6-v2 · CPU" (with chunks/s once measured), or the BM25-only notice. */
export function embedderLine(s: AppStatus): string {
  if (!s.embedding) return 'No embedding model — BM25 only';
  const parts = [s.embedding.model, providerLabel(s.embedding.provider)];
  if (s.embedding.chunksPerSec !== null && s.embedding.chunksPerSec > 0) parts.push(`${s.embedding.chunksPerSec.toFixed(0)} chunks/s`);
  return parts.join(' · ');
}

export function StatusBar() {
  useThemeFromSettings();
  const { status, error, problem } = useAppStatus();
  const { go, openSettings } = useNav();

  return (
    <footer className="statusbar" aria-label="Status">
      {!status && !error && <span className="muted">Loading status…</span>}
      {/* A problem the engine banner explains (with its way out) is named here, not repeated. */}
      {error && !status && problem && <span className="error">Status unavailable — {problem.charAt(0).toLowerCase() + problem.slice(1)} (see above)</span>}
      {error && !status && !problem && <span className="error" role="alert">Status unavailable — {error}</span>}
      {status && (
        <>
          <button type="button" className="statusbar-item statusbar-link" onClick={() => go('library')} title="Open the Library">{libraryLine(status)}</button>
          <button type="button" className="statusbar-item statusbar-link" onClick={() => openSettings?.('embedding')}
            title={status.embedding?.fallbackReason ?? 'Open Settings → Embedding model'}>
            {embedderLine(status)}
            {status.embedding && !status.embedding.complete && <span className="statusbar-warn"> · vectors incomplete</span>}
          </button>
          <button type="button" className="statusbar-item statusbar-link" onClick={() => openSettings?.('ollama')}
            title={status.ollama.message ?? 'Open Settings → Ollama'}>
            <span className={`statusbar-dot ${status.ollama.ok ? 'is-ok' : 'is-down'}`} aria-hidden="true" />
            {status.ollama.ok ? 'Ollama ready' : 'Ollama not reachable'}
            <span className="muted"> · {status.ollama.host}</span>
          </button>
          {status.ocrPages > 0 && (
            <button type="button" className="statusbar-item statusbar-link" onClick={() => go('library')}
              title="Scanned PDF pages whose text is not read yet (OCR off, or waiting for the next index run): filter the Library by Needs OCR or OCR pending">
              {plural(status.ocrPages, 'scanned page')} without text
            </button>
          )}
          {status.indexing && <span className="statusbar-item statusbar-busy" role="status">Indexing…</span>}
        </>
      )}
    </footer>
  );
}
