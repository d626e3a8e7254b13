/** The collections, each with its description and evidence count; one is selected; "New collection"; deleted ones to restore. */
import { useState } from 'react';
import type { CollectionInfo, DeletedCollection } from '../api.js';
import { plural } from '../format.js';
import { NewCollectionForm } from './NewCollectionForm.js';

export interface CollectionListProps {
  collections: CollectionInfo[] | null;
  selected: string | null;
  onSelect(name: string): void;
  onCreated(c: CollectionInfo): void;
  /** Deleted collections, kept by the engine until restored. */
  deleted?: DeletedCollection[];
  onRestore?(id: number): void;
}

export function CollectionList({ collections, selected, onSelect, onCreated, deleted = [], onRestore }: CollectionListProps) {
  const [creating, setCreating] = useState(false);
  return (
    <nav className="review-collections" aria-label="Collections">
      <div className="review-collections-head">
        <h2>Collections</h2>
        {!creating && <button type="button" onClick={() => setCreating(true)}>New collection</button>}
      </div>
      {creating && <NewCollectionForm onCancel={() => setCreating(false)} onCreated={(c) => { setCreating(false); onCreated(c); }} />}
      {collections === null && <p className="muted">Loading…</p>}
      {collections?.length === 0 && !creating && (
        <p className="muted">No collections yet. Create one, or save a search result with “Save to collection”.</p>
      )}
      <ul>
        {collections?.map((c) => (
          <li key={c.id}>
            <button type="button" className="review-collection" aria-current={c.name === selected ? 'true' : undefined} onClick={() => onSelect(c.name)}>
              <span className="review-collection-name">{c.name}</span>
              <span className="review-collection-count muted">{plural(c.evidence, 'item')}</span>
              {c.description !== '' && <span className="review-collection-desc muted">{c.description}</span>}
            </button>
          </li>
        ))}
      </ul>
      {deleted.length > 0 && (
        <details className="review-deleted">
          <summary>Deleted ({deleted.length})</summary>
          <ul aria-label="Deleted collections">
            {deleted.map((d) => (
              <li key={d.id}>
                <span className="review-collection-name">{d.name}</span> <span className="muted">{plural(d.evidence, 'item')}</span>
                <button type="button" aria-label={`Restore ${d.name}`} onClick={() => onRestore?.(d.id)}>Restore</button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </nav>
  );
}
