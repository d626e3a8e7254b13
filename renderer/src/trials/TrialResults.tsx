/**
 * A trial search's answer: count, pages read, recall of the known trials, the first studies with
 * import checkboxes and "In library" marks; after an import, each trial's publications that are
 * already in the library ("Results published: in your library").
 */
import { useState } from 'react';
import { api, unwrap, type TrialsImportResult, type TrialsSearchResult } from '../api.js';
import { useNav } from '../app/nav.js';
import { plural } from '../format.js';
import { ErrorNotice, toShownError, type ShownError } from '../pubmed/ErrorNotice.js';

export function TrialResults({ result }: { result: TrialsSearchResult }) {
  const nav = useNav();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [imported, setImported] = useState<Map<string, number>>(new Map());
  const [summary, setSummary] = useState<TrialsImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const docOf = (id: string, inLibrary: number | null) => imported.get(id) ?? inLibrary;
  const notIn = result.studies.filter((s) => docOf(s.nctId, s.inLibrary) === null).map((s) => s.nctId);
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  const doImport = async () => {
    const ids = result.studies.map((s) => s.nctId).filter((id) => selected.has(id));
    if (!ids.length) return;
    setBusy(true);
    setError(null);
    try {
      const res = await unwrap(api().trialsImport(ids));
      setSummary(res);
      setImported((m) => new Map([...m, ...res.documents.map((d) => [d.nctId, d.docId] as const)]));
      setSelected(new Set());
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };

  const total = result.seedsFound.length + result.seedsMissed.length;
  return (
    <section className="pubmed-results" aria-label="Trial results">
      <div className="pubmed-results-head">
        <h3>{result.count.toLocaleString()} {result.count === 1 ? 'study' : 'studies'} on ClinicalTrials.gov</h3>
        <span className="muted pubmed-small">{result.ids.length.toLocaleString()} ids read over {plural(result.pages, 'page')}</span>
        {result.recall !== null && <span className={`pubmed-recall${result.recall === 1 ? ' is-full' : ''}`}>{result.seedsFound.length}/{plural(total, 'known trial')} ({Math.round(result.recall * 100)}%)</span>}
        {result.seedsMissed.length > 0 && <span className="pubmed-missed">Missed: {result.seedsMissed.map((p) => <code key={p}>{p}</code>)}</span>}
      </div>
      <div className="pubmed-import-bar">
        <button type="button" onClick={() => setSelected(new Set(notIn))} disabled={notIn.length === 0}>Select all not in library</button>
        <button type="button" className="primary" onClick={() => void doImport()} disabled={selected.size === 0 || busy}>
          {busy ? 'Importing…' : `Import selected${selected.size ? ` (${selected.size})` : ''}`}
        </button>
      </div>
      {summary && (
        <div className="pubmed-import-summary" role="status">
          Imported {summary.imported} · updated {summary.updated}{summary.missing.length > 0 && <> · not found: {summary.missing.join(', ')}</>}
          <ul aria-label="Publications in your library">
            {summary.documents.flatMap((d) => d.publications.filter((p) => p.inLibrary.length).map((p) => (
              <li key={`${d.nctId}:${p.pmid ?? p.doi}`}>
                {d.nctId}: results published — in your library:{' '}
                {p.inLibrary.map((doc) => (
                  <button type="button" className="link" key={doc.docId} onClick={() => nav.openDocument({ docId: doc.docId, page: null })}>
                    {doc.title ?? `#${doc.docId}`} ({doc.kind === 'pubmed' ? `PMID ${p.pmid}` : doc.kind})
                  </button>
                ))}
              </li>
            )))}
          </ul>
        </div>
      )}
      {error && <ErrorNotice error={error} purpose="trials" />}
      <ul className="pubmed-records" aria-label="Trials">
        {result.studies.map((s) => {
          const doc = docOf(s.nctId, s.inLibrary);
          return (
            <li key={s.nctId} className="pubmed-record">
              <input type="checkbox" aria-label={`Select ${s.nctId}`} checked={selected.has(s.nctId)} disabled={doc !== null} onChange={() => toggle(s.nctId)} />
              <div>
                <div><code>{s.nctId}</code> {s.title}</div>
                <div className="muted pubmed-small">{[s.status, s.phases.join(', '), s.conditions.slice(0, 3).join('; '), s.enrollment !== null ? `${s.enrollment} enrolled` : null, s.sponsor].filter(Boolean).join(' · ')}</div>
              </div>
              {doc !== null && <button type="button" onClick={() => nav.openDocument({ docId: doc, page: null })}>In library</button>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
