/**
 * A PubMed search's answer: count, recall of the known PMIDs, PubMed's translation, and the first
 * records with import checkboxes. "Import selected" adds them to the library and marks them there.
 */
import { useState } from 'react';
import { api, unwrap, type PubmedImportResult, type PubmedSearchResult } from '../api.js';
import { useNav } from '../app/nav.js';
import { plural } from '../format.js';
import { ErrorNotice, toShownError, type ShownError } from './ErrorNotice.js';
import { recallText } from './recall.js';
import { RecordRow } from './RecordRow.js';

export function SearchResults({ result, seeds }: { result: PubmedSearchResult; seeds: string[] }) {
  const nav = useNav();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [imported, setImported] = useState<Map<string, number>>(new Map());
  const [importing, setImporting] = useState(false);
  const [summary, setSummary] = useState<PubmedImportResult | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  const docOf = (pmid: string, inLibrary: number | null) => imported.get(pmid) ?? inLibrary;
  const toggle = (pmid: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(pmid)) next.delete(pmid); else next.add(pmid);
    return next;
  });
  const notInLibrary = result.records.filter((r) => docOf(r.pmid, r.inLibrary) === null).map((r) => r.pmid);

  const doImport = async () => {
    const pmids = result.records.map((r) => r.pmid).filter((p) => selected.has(p));
    if (pmids.length === 0) return;
    setImporting(true);
    setError(null);
    try {
      const res = await unwrap(api().pubmedImport(pmids));
      setSummary(res);
      setImported((m) => new Map([...m, ...res.documents.map((d) => [d.pmid, d.docId] as const)]));
      setSelected(new Set());
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setImporting(false);
    }
  };

  const openPubmed = (pmid: string) => {
    void unwrap(api().openExternal(`https://pubmed.ncbi.nlm.nih.gov/${pmid}/`)).catch((e: unknown) => setError(toShownError(e)));
  };

  const found = seeds.length - result.seedsMissed.length;
  return (
    <section className="pubmed-results" aria-label="PubMed results">
      <div className="pubmed-results-head">
        <h3>{plural(result.count, 'result')} in PubMed</h3>
        {result.recall !== null && seeds.length > 0 && <span className={`pubmed-recall${found === seeds.length ? ' is-full' : ''}`}>{recallText(found, seeds.length)}</span>}
        {result.seedsMissed.length > 0 && <span className="pubmed-missed">Missed: {result.seedsMissed.map((p) => <code key={p}>{p}</code>)}</span>}
      </div>
      {result.translation && (
        <details className="pubmed-translation"><summary>PubMed's translation</summary><pre>{result.translation}</pre></details>
      )}
      {result.records.length === 0 ? (
        <p className="muted">PubMed found nothing for this query. Loosen a clause (the counts per clause above show which one is narrowest).</p>
      ) : (
        <>
          <div className="pubmed-import-bar">
            <span className="muted pubmed-small">Showing the first {result.records.length.toLocaleString()} of {result.count.toLocaleString()}.</span>
            <button type="button" onClick={() => setSelected(new Set(notInLibrary))} disabled={notInLibrary.length === 0}>Select all not in library</button>
            <button type="button" onClick={() => setSelected(new Set())} disabled={selected.size === 0}>Clear</button>
            <button type="button" className="primary" onClick={() => void doImport()} disabled={selected.size === 0 || importing}>
              {importing ? 'Importing…' : `Import selected${selected.size > 0 ? ` (${selected.size})` : ''}`}
            </button>
          </div>
          {summary && (
            <p className="pubmed-import-summary" role="status">
              Imported {summary.imported} · updated {summary.updated}
              {summary.missing.length > 0 && <> · not found in PubMed: {summary.missing.join(', ')}</>}
            </p>
          )}
          {error && <ErrorNotice error={error} />}
          <ul className="pubmed-records" aria-label="PubMed records">
            {result.records.map((r) => (
              <RecordRow
                key={r.pmid} r={r} docId={docOf(r.pmid, r.inLibrary)} checked={selected.has(r.pmid)} onToggle={() => toggle(r.pmid)}
                onOpen={(docId) => nav.openDocument({ docId, page: null })} onPubmed={openPubmed}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
