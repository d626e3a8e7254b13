/**
 * The Review screen: evidence collections on the left; the selected one's evidence table (sortable,
 * each row opens its page in the viewer, can be edited, removed and moved) with its exports on the
 * right. Renaming, duplicating and deleting the collection, and removing evidence, can be undone.
 */
import { useNav } from '../app/nav.js';
import { plural } from '../format.js';
import { CollectionActions } from './CollectionActions.js';
import { CollectionList } from './CollectionList.js';
import { EvidenceTable } from './EvidenceTable.js';
import { ExportBar } from './ExportBar.js';
import { UndoBar } from './UndoBar.js';
import { useReview } from './useReview.js';
import { useReviewActions } from './useReviewActions.js';
import './ReviewScreen.css';

export function ReviewScreen() {
  const nav = useNav();
  const r = useReview(nav.screen === 'review');
  const act = useReviewActions({ reload: r.reload });
  const info = r.collections?.find((c) => c.name === r.selected) ?? null;
  return (
    <div className="review-screen">
      <CollectionList collections={r.collections} selected={r.selected} onSelect={r.select} onCreated={r.created}
        deleted={r.deleted} onRestore={act.restoreCollection} />
      <div className="review-main">
        {r.error && <p role="alert" className="error">Could not load the evidence ({r.error.code}): {r.error.message}</p>}
        {act.error && <p role="alert" className="error">Could not change it ({act.error.code}): {act.error.message}</p>}
        <UndoBar undo={act.undo} onUndo={act.runUndo} onDismiss={act.dismissUndo} />
        {info === null && r.collections !== null && (
          <div className="review-empty">
            <p>Collections gather the passages that answer your question, with your stance, notes and tags.</p>
            <p className="muted">Create one here, or use “Save to collection” on a search result. Exports give Markdown, CSV, BibTeX and RIS.</p>
          </div>
        )}
        {info && (
          <>
            <header className="review-head">
              <h2>{info.name}</h2>
              {info.description !== '' && <p className="muted">{info.description}</p>}
              {r.rows && <p className="muted review-count">{plural(r.rows.length, 'piece')} of evidence</p>}
              <CollectionActions key={info.id} info={info} actions={act} />
            </header>
            <ExportBar key={info.name} collection={info.name} />
            {r.rows === null && <p className="muted">Loading…</p>}
            {r.rows?.length === 0 && <p className="review-empty">Nothing saved here yet: on the Search screen, use “Save to collection” on a result (or press s).</p>}
            {r.rows && r.rows.length > 0 && (
              <EvidenceTable rows={r.rows} sort={r.sort} order={r.order} onSort={r.sortBy}
                onEdit={act.edit} onRemove={act.remove} onMove={act.move}
                onOpen={(row) => { if (row.docId !== null) nav.openDocument({ docId: row.docId, page: row.page, highlight: row.quote }); }} />
            )}
          </>
        )}
      </div>
    </div>
  );
}
