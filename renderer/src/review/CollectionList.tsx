/** The collections, each with its description and evidence count; one is selected; "New collection". */
import { useState } from 'react';
import type { CollectionInfo } from '../api.js';
import { plural } from '../format.js';
import { NewCollectionForm } from './NewCollectionForm.js';

export interface CollectionListProps {
  collections: CollectionInfo[] | null;
  selected: string | null;
  onSelect(name: string): void;
  onCreated(c: CollectionInfo): void;
}

export function CollectionList({ collections, selected, onSelect, onCreated }: CollectionListProps) {
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
    </nav>
  );
}
