/**
 * The deep search's progress: each LLM stage with its time and state (the expansion text, the
 * keyword rewrite, "judged 12/30"), what it changed (new in the top 10, the moves) and its queries'
 * hit counts, an Edit for the stages a user can correct, the Stop button while it runs, and why LLM
 * stages stopped.
 */
import type { DeepState } from './useSearch.js';
import { useNav } from '../app/nav.js';
import { OllamaNotice } from '../app/OllamaNotice.js';
import { fallbackLabel, hostInMessage } from '../app/ollamaWords.js';
import { plural } from '../format.js';
import { StageEditor } from './StageEditor.js';
import { expansionText, type StageEdit, type StageRow } from './stages.js';

const PHASE: Record<DeepState['phase'], string> = {
  running: 'Deep search running…',
  done: 'Deep search done',
  stopped: 'Stopped — showing the best ranking so far',
  failed: 'Deep search failed — showing the fast results',
};

export function StatusNotice({ status, stages }: { status: NonNullable<DeepState['status']>; stages: readonly StageRow[] }) {
  const { openSettings } = useNav();
  const names = stages.map((r) => r.key.split(':')[0] ?? '');
  const host = hostInMessage(status.message);
  if (status.code === 'OLLAMA_UNREACHABLE') return <OllamaNotice host={host} purpose="deep" fallback={fallbackLabel(names)} />;
  const lead = status.code === 'MODEL_MISSING' ? `The LLM model is missing: ${status.message}` : `The LLM stages stopped (${status.code}): ${status.message}`;
  return (
    <div className="search-notice" role="status">
      <strong>{lead}.</strong> <span className="muted">{fallbackLabel(names)}</span>{' '}
      <button type="button" className="link-button" onClick={() => openSettings?.('ollama')}>Open Settings → Ollama</button>
    </div>
  );
}

type OnEdit = (edit: StageEdit, value: string | { term: string; weight: number }[]) => void;

/** What a moved result is called: its section heading or title where the results shown hold it. */
export type ResultNames = ReadonlyMap<number, string>;

function StageDetails({ s, query, names }: { s: StageRow; query: string; names: ResultNames }) {
  return (
    <>
      {s.queries.length > 0 && (
        <span className="search-stage-queries" aria-label={`${s.label}: hits per query`}>
          {s.queries.map((q) => <span key={q.label} className="search-stage-query">{q.label}: {plural(q.hits, 'hit')}</span>)}
        </span>
      )}
      {s.moves.length > 0 && (
        <details className="search-stage-text">
          <summary>{plural(s.moves.length, 'result')} moved in the top 10</summary>
          <ul className="search-stage-moves">
            {s.moves.map((m) => <li key={m.chunkId}>{names.has(m.chunkId) ? <>{names.get(m.chunkId)}: </> : null}{m.text}</li>)}
          </ul>
        </details>
      )}
      {s.text && (
        <details className="search-stage-text">
          <summary>{s.label.startsWith('Expansion') ? 'Expansion text' : s.label.startsWith('RM3') ? 'Terms and weights' : 'Query'}</summary>
          <p>{s.label.startsWith('Expansion') ? expansionText(s.text, query) : s.text}</p>
        </details>
      )}
    </>
  );
}

export function StagePanel({ deep, query, onStop, onEdit, names = new Map() }: { deep: DeepState; query: string; onStop(): void; onEdit?: OnEdit; names?: ResultNames }) {
  return (
    <section className="search-stages" aria-label="Deep search stages" aria-busy={deep.phase === 'running'}>
      <header className="search-stages-head">
        <span className={`search-phase search-phase-${deep.status ? 'stopped' : deep.phase}`} role="status">
          {deep.phase === 'done' && deep.status
            ? deep.status.code === 'OLLAMA_UNREACHABLE' ? 'Deep search without the LLM' : 'LLM stages stopped early'
            : PHASE[deep.phase]}
        </span>
        {deep.ms !== null && <span className="muted">{Math.round(deep.ms).toLocaleString()} ms</span>}
        {deep.phase === 'running' && <button type="button" onClick={onStop} aria-label="Stop deep search">Stop</button>}
      </header>
      {deep.status && <StatusNotice status={deep.status} stages={deep.stages} />}
      {deep.error && <p role="alert" className="error">{deep.error.code}: {deep.error.message}</p>}
      <ol className="search-stage-list">
        {deep.stages.map((s) => (
          <li key={s.key} className="search-stage" data-running={s.running || undefined}>
            <span className="search-stage-dot" aria-hidden="true" />
            <span className="search-stage-label">{s.label}</span>
            {s.detail && <span className="search-stage-detail">{s.detail}</span>}
            {s.edit && s.editValue !== null && onEdit && (
              <StageEditor edit={s.edit} label={s.label} value={s.edit.kind === 'expand' ? expansionText(s.editValue, query) : s.editValue}
                disabled={deep.phase === 'running'} onRun={onEdit} />
            )}
            <span className="search-stage-ms muted">{s.running ? 'running' : 'done'} · {s.ms.toLocaleString()} ms</span>
            <StageDetails s={s} query={query} names={names} />
            {s.note && <span className="search-stage-note">{s.note}</span>}
          </li>
        ))}
        {deep.phase === 'running' && <li className="search-stage search-stage-pending muted">Waiting for the next stage…</li>}
      </ol>
    </section>
  );
}
