/**
 * The index run's panel: progress bar with rate, ETA and the file being read (or whom it waits for
 * while another Delve process writes the library), Pause and Cancel while it runs, then Resume after a pause, a cancelled note, the error, or the run's summary.
 */
import { busyHolder } from '../app/engineProblem.js';
import { fileName, formatProgress, isoDateTime } from '../format.js';
import { IndexReport } from './IndexReport.js';
import type { IndexJobControls } from './useIndexJob.js';

export function IndexPanel({ controls }: { controls: IndexJobControls }) {
  const { job, stopError } = controls;
  switch (job.phase) {
    case 'idle':
      return null;
    case 'running': {
      const p = job.progress;
      const w = job.waiting;
      const pct = p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : null;
      return (
        <section className="library-panel library-progress" aria-label="Indexing progress">
          <div className="library-progress-head">
            <strong>{job.stopping === 'pause' ? 'Pausing…' : job.stopping === 'cancel' ? 'Cancelling…' : 'Indexing'}</strong>
            <span role="status" className="library-progress-text">{w ? 'Waiting for another Delve process' : p ? formatProgress(p) : 'Starting…'}</span>
            <span className="library-progress-actions">
              <button type="button" onClick={() => void controls.pause()} disabled={job.stopping !== null}>Pause</button>
              <button type="button" aria-label="Cancel indexing" onClick={() => void controls.cancel()} disabled={job.stopping !== null}>
                Cancel
              </button>
            </span>
          </div>
          <div
            className="library-bar"
            role="progressbar"
            aria-label="Indexing"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct ?? undefined}
          >
            <div className={pct === null ? 'library-bar-fill library-bar-indeterminate' : 'library-bar-fill'} style={pct === null ? undefined : { width: `${pct}%` }} />
          </div>
          {w && (
            <p className="library-waiting">
              Another Delve process ({busyHolder(w.message)?.who ?? `pid ${w.pid}`}) has been {w.job} this library since {isoDateTime(w.startedAt)}.
              Indexing starts here as soon as it finishes, and nothing is lost by waiting; Cancel stops waiting.
            </p>
          )}
          {!w && p?.currentPath && <p className="library-current muted" title={p.currentPath}>{fileName(p.currentPath)}</p>}
          {stopError && <p role="alert" className="error">Could not stop indexing ({stopError.code}): {stopError.message}</p>}
        </section>
      );
    }
    case 'paused':
      return (
        <section className="library-panel library-stopped" aria-label="Indexing paused">
          <span role="status">Paused — Resume continues where it stopped</span>
          <button type="button" className="primary" onClick={() => void controls.resume()}>Resume</button>
        </section>
      );
    case 'cancelled':
      return (
        <section className="library-panel library-stopped" aria-label="Indexing cancelled">
          <span role="status">Indexing cancelled</span>
          <span className="muted">Files already read stay in the library; indexing the folder again picks up the rest.</span>
        </section>
      );
    case 'failed':
      return (
        <section className="library-panel" aria-label="Indexing failed">
          <p role="alert" className="error"><strong>{job.error.code}</strong>: {job.error.message}</p>
          {controls.last && <button type="button" onClick={() => void controls.resume()}>Try again</button>}
        </section>
      );
    case 'done':
      return <IndexReport summary={job.summary} />;
  }
}
