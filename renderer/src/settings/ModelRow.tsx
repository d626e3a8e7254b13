/** One embedding model in Settings: a radio when installed, else Download (with progress) or why it cannot be pulled. */
import type { ModelListing, ModelPullEvent } from '../api.js';
import { formatBytes } from '../app/StatusBar.js';
import { percent } from './progress.js';
import { pullText } from './pullWords.js';

export type PullState = { started: true; event: ModelPullEvent | null; error: string | null };

export interface ModelRowProps {
  m: ModelListing;
  chosen: boolean;
  pull: PullState | undefined;
  onChoose(): void;
  onDownload(): void;
}

export function ModelRow({ m, chosen, pull, onChoose, onDownload }: ModelRowProps) {
  const ev = pull?.event ?? null;
  const running = pull !== undefined && pull.error === null && !(ev?.done ?? false);
  const facts = [`${m.dims} dims`, m.license, m.installed && m.installedBytes !== null ? formatBytes(m.installedBytes) : m.downloadBytes !== null ? `${formatBytes(m.downloadBytes)} download` : null]
    .filter(Boolean).join(' · ');
  return (
    <li className={`settings-model${chosen ? ' is-chosen' : ''}`}>
      <label className="settings-model-main">
        <input type="radio" name="settings-embedding" checked={chosen} disabled={!m.installed} onChange={onChoose} aria-label={`Use ${m.name}`} />
        <span>
          <strong>{m.name}</strong>{m.default && <span className="settings-tag">recommended</span>}
          <br /><span className="settings-note settings-mono">{m.id}</span><span className="settings-note"> · {facts}</span>
        </span>
      </label>
      <div className="settings-model-state">
        {m.installed && <span className="settings-ok">Installed</span>}
        {!m.installed && m.pullable && !running && (
          <button type="button" onClick={onDownload} aria-label={`${m.partial ? 'Resume download' : 'Download'} ${m.name}`}>{m.partial ? 'Resume download' : 'Download'}</button>
        )}
        {running && (
          <span className="settings-progress" role="status">
            {pullText(ev)}
            {!ev?.retry && <progress max={100} value={ev ? percent(ev.received, ev.total) : undefined} aria-label={`Downloading ${m.name}`} />}
          </span>
        )}
        {!m.installed && !m.pullable && (
          <span className="settings-note">
            No verified download: get its folder elsewhere, then use “Import model folder…”.
            {m.conversion && <details className="settings-details"><summary>How to make its folder</summary><span className="settings-mono">{m.conversion}</span></details>}
          </span>
        )}
        {pull?.error && <span className="error" role="alert">{pull.error}</span>}
      </div>
    </li>
  );
}
