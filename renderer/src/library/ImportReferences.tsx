/**
 * "Import references (.bib, .ris)…": the system file picker, then the import (every entry a
 * searchable record, attached files indexed, duplicates merged; a re-import applies only changes),
 * then its summary: records added, updated, unchanged, merged, removed, files indexed, and what was
 * skipped with its code. `onImported` reloads the library.
 */
import { useState } from 'react';
import { api, unwrap, type ReferenceImportSummary, errorText } from '../api.js';
import { fileName, plural } from '../format.js';

type State =
  | { phase: 'idle' }
  | { phase: 'running'; file: string }
  | { phase: 'done'; summary: ReferenceImportSummary }
  | { phase: 'failed'; error: string };


export function summaryLine(s: ReferenceImportSummary): string {
  const counts = `${s.added.toLocaleString()} added, ${s.updated.toLocaleString()} updated, ${s.unchanged.toLocaleString()} unchanged, ${s.merged.toLocaleString()} merged`
    + (s.removed > 0 ? `, ${s.removed.toLocaleString()} removed` : '');
  return `${s.entries.toLocaleString()} ${s.entries === 1 ? 'entry' : 'entries'} → ${plural(s.records, 'record')} (${counts}) · `
    + `${plural(s.files.indexed, 'attached file')} indexed of ${s.files.attached.toLocaleString()} · ${(s.ms / 1000).toFixed(1)} s`;
}

export function ImportReferences({ busy, onImported }: { busy: boolean; onImported: () => void }) {
  const [state, setState] = useState<State>({ phase: 'idle' });

  async function run() {
    try {
      const file = await unwrap(api().pickReferenceFile());
      if (file === null) return;
      setState({ phase: 'running', file });
      const summary = await unwrap(api().importReferences(file));
      setState({ phase: 'done', summary });
      onImported();
    } catch (err) {
      setState({ phase: 'failed', error: errorText(err) });
    }
  }

  const running = state.phase === 'running';
  return (
    <div className="library-import">
      <button type="button" onClick={() => void run()} disabled={busy || running}>Import references (.bib, .ris)…</button>
      {running && <p role="status" className="muted">Importing {fileName(state.file)}…</p>}
      {state.phase === 'failed' && <p role="alert" className="error">Could not import the references ({state.error})</p>}
      {state.phase === 'done' && <ImportSummary summary={state.summary} />}
    </div>
  );
}

function ImportSummary({ summary: s }: { summary: ReferenceImportSummary }) {
  return (
    <section className="library-panel library-report" aria-label="Last reference import">
      <p role="status"><strong>Imported {fileName(s.file)}</strong> {summaryLine(s)}</p>
      {s.errors.length > 0 && (
        <details className="library-issues" open>
          <summary className="error">{plural(s.errors.length, 'parse error')}</summary>
          <ul aria-label="Parse errors">{s.errors.map((e, i) => <li key={i}>{e}</li>)}</ul>
        </details>
      )}
      {s.skipped.length > 0 && (
        <details className="library-issues" open>
          <summary className="library-warn">{plural(s.skipped.length, 'item')} skipped</summary>
          <ul aria-label="Skipped">
            {s.skipped.map((f, i) => (
              <li key={`${f.path}${f.code}${i}`}>
                <span className="library-path" title={f.path}>{fileName(f.path)}</span>
                <code className="library-code">{f.code}</code>
                <span className="muted">{f.message}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
