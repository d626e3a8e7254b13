/**
 * The library's documents with text, kind and status filters; a row opens the document viewer
 * (click or Enter). Long lists show the first rows and a button for the rest.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { StatusReport } from '../api.js';
import { useNav } from '../app/nav.js';
import { fileName, plural } from '../format.js';
import { filterDocuments, KIND_LABELS, NO_FILTER, OCR_FILTER_LABELS, ocrLabel, shownStatus, STATUS_LABELS, type DocumentFilter, type DocumentRow } from './filterDocuments.js';

const PAGE = 300;

export function DocumentList({ report }: { report: StatusReport | null }) {
  const { openDocument } = useNav();
  const [filter, setFilter] = useState<DocumentFilter>(NO_FILTER);
  const [limit, setLimit] = useState(PAGE);
  const docs = report?.documents ?? [];
  const shown = useMemo(() => filterDocuments(docs, filter), [docs, filter]);
  const set = (patch: Partial<DocumentFilter>) => { setFilter((f) => ({ ...f, ...patch })); setLimit(PAGE); };
  const open = (d: DocumentRow) => openDocument({ docId: d.id, page: null });
  const onKey = (e: KeyboardEvent, d: DocumentRow) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(d); }
  };

  if (report === null) return <p className="muted">Loading documents…</p>;
  return (
    <div>
      <div className="library-filters">
        <input type="search" aria-label="Filter documents" placeholder="Filter by title or path" value={filter.text} onChange={(e) => set({ text: e.target.value })} />
        <select aria-label="Kind" value={filter.kind} onChange={(e) => set({ kind: e.target.value as DocumentFilter['kind'] })}>
          <option value="all">All kinds</option>
          {Object.entries(KIND_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </select>
        <select aria-label="Status" value={filter.status} onChange={(e) => set({ status: e.target.value as DocumentFilter['status'] })}>
          <option value="all">Any status</option>
          {Object.entries(STATUS_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          <optgroup label="Scanned pages">
            {Object.entries(OCR_FILTER_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </optgroup>
        </select>
        <span className="library-count muted" role="status">{shown.length.toLocaleString()} of {plural(docs.length, 'document')}</span>
      </div>
      {docs.length === 0 ? (
        <p className="library-empty muted">The library is empty. Indexed PDFs, notes and imported PubMed records appear here.</p>
      ) : shown.length === 0 ? (
        <p className="library-empty muted">No document matches these filters.</p>
      ) : (
        <table className="library-docs">
          <thead>
            <tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Pages</th><th scope="col">Chunks</th><th scope="col">Status</th></tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((d) => {
              const title = d.title ?? fileName(d.path);
              const status = shownStatus(d);
              const ocr = ocrLabel(d);
              return (
                <tr key={d.id} tabIndex={0} aria-label={`Open ${title}`} onClick={() => open(d)} onKeyDown={(e) => onKey(e, d)}>
                  <td>
                    <span className="library-doc-title">{title}</span>
                    <span className="library-path muted" title={d.path}>{d.path}</span>
                  </td>
                  <td>{KIND_LABELS[d.kind]}</td>
                  <td className="library-num">{d.pages > 0 ? d.pages.toLocaleString() : <span className="muted" title="Notes and records have no pages">–</span>}</td>
                  <td className="library-num">{d.chunks.toLocaleString()}</td>
                  <td>
                    <span className={`library-status library-status-${status}`}>{STATUS_LABELS[status]}</span>
                    {ocr && <span className={`library-ocr library-ocr-${d.ocr}`}>{ocr}</span>}
                    {d.code && <code className="library-code" title={d.message ?? undefined}>{d.code}</code>}
                    {d.message && d.status !== 'ok' && <span className="library-doc-message muted">{d.message}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length > limit && (
        <button type="button" className="library-more" onClick={() => setLimit(shown.length)}>Show all {shown.length.toLocaleString()} documents</button>
      )}
    </div>
  );
}
