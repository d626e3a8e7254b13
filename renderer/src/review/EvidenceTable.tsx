/**
 * A collection's evidence as a table: its place in the user's order, document (title, authors,
 * year), page, quote, stance, tags, note, the query that found it, when it was added (ISO date).
 * Sortable headers (aria-sort); Open shows the page in the viewer with the quote highlighted (not
 * possible while the document is not in the library); Edit opens the row's editor, Remove removes it
 * (undoable); in "Order" sort, Move up/down rearrange it.
 */
import { Fragment, useState } from 'react';
import type { EvidenceEdit, EvidenceRow, EvidenceSort } from '../api.js';
import { fileName, isoDate, modeWords } from '../format.js';
import { EvidenceEditor } from './EvidenceEditor.js';

export interface EvidenceTableProps {
  rows: EvidenceRow[];
  sort: EvidenceSort;
  order: 'asc' | 'desc';
  onSort(sort: EvidenceSort): void;
  onOpen(row: EvidenceRow): void;
  onEdit(id: number, edit: EvidenceEdit): Promise<unknown>;
  onRemove(row: EvidenceRow): void;
  /** Moves a row to a 0-based place in the user's order. */
  onMove(id: number, index: number): void;
}


export function authorsLine(authors: string[]): string {
  if (authors.length <= 2) return authors.join(' & ');
  return `${authors[0]} et al.`;
}

const COLUMNS: { label: string; sort?: EvidenceSort }[] = [
  { label: 'Order', sort: 'manual' }, { label: 'Document', sort: 'document' }, { label: 'Page', sort: 'page' }, { label: 'Quote' }, { label: 'Stance', sort: 'stance' },
  { label: 'Tags', sort: 'tag' }, { label: 'Note' }, { label: 'Query' }, { label: 'Added', sort: 'added' },
];

export function EvidenceTable({ rows, sort, order, onSort, onOpen, onEdit, onRemove, onMove }: EvidenceTableProps) {
  const [editing, setEditing] = useState<number | null>(null);
  const movable = sort === 'manual' && order === 'asc';
  return (
    <div className="review-table-wrap">
      <table className="review-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.label} scope="col" aria-sort={c.sort === undefined ? undefined : c.sort === sort ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
                {c.sort === undefined ? c.label : (
                  <button type="button" className="review-sort" onClick={() => onSort(c.sort!)}>
                    {c.label}<span aria-hidden="true" className="review-sort-arrow">{c.sort === sort ? (order === 'asc' ? '▲' : '▼') : ''}</span>
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const title = r.title ?? fileName(r.path);
            const meta = [authorsLine(r.authors), r.year === null ? '' : String(r.year)].filter((x) => x !== '').join(', ');
            return (
              <Fragment key={r.id}>
              <tr data-testid="evidence-row">
                <td className="review-order">
                  <span className="review-order-n">{i + 1}</span>
                  {movable && (
                    <span className="review-move">
                      <button type="button" aria-label={`Move up: ${title}`} disabled={i === 0} onClick={() => onMove(r.id, i - 1)}>↑</button>
                      <button type="button" aria-label={`Move down: ${title}`} disabled={i === rows.length - 1} onClick={() => onMove(r.id, i + 1)}>↓</button>
                    </span>
                  )}
                </td>
                <td className="review-doc">
                  <span className="review-doc-title" title={r.path}>{title}</span>
                  {meta !== '' && <span className="review-doc-meta muted">{meta}</span>}
                  {r.docId === null && <span className="review-doc-gone">not in the library</span>}
                  <button type="button" className="review-open" disabled={r.docId === null} onClick={() => onOpen(r)}
                    title={r.docId === null ? 'The document is no longer in the library' : `Open ${title}${r.page === null ? '' : ` at page ${r.pageLabel ?? r.page}`}`}>
                    Open
                  </button>
                  <span className="review-row-actions">
                    <button type="button" aria-expanded={editing === r.id} onClick={() => setEditing(editing === r.id ? null : r.id)}>Edit</button>
                    <button type="button" className="danger" onClick={() => onRemove(r)}>Remove</button>
                  </span>
                </td>
                <td className="review-page">{r.page === null ? '–' : r.pageLabel ?? r.page}</td>
                <td className="review-quote"><q>{r.quote}</q></td>
                <td>{r.stance && <span className={`review-stance review-stance-${r.stance}`}>{r.stance}</span>}</td>
                <td>{r.tags.map((t) => <span key={t} className="review-tag">{t}</span>)}</td>
                <td className="review-note">{r.note}</td>
                <td className="review-query">{r.query && <><span>{r.query.text}</span>{r.query.mode && <span className="muted"> ({modeWords(r.query.mode)})</span>}</>}</td>
                <td className="review-added muted">{isoDate(r.createdAt)}</td>
              </tr>
              {editing === r.id && (
                <tr className="review-editor-row-wrap">
                  <td colSpan={COLUMNS.length}>
                    <EvidenceEditor row={r} onCancel={() => setEditing(null)} onSave={async (e) => { await onEdit(r.id, e); setEditing(null); }} />
                  </td>
                </tr>
              )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
