/** The selected collection's Rename, Duplicate and Delete (deleting can be undone). */
import { useId, useState, type FormEvent } from 'react';
import type { CollectionInfo } from '../api.js';
import type { ReviewActions } from './useReviewActions.js';

type Mode = 'rename' | 'duplicate' | null;

export function CollectionActions({ info, actions }: { info: CollectionInfo; actions: ReviewActions }) {
  const id = useId();
  const [mode, setMode] = useState<Mode>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const open = (m: Mode) => { setMode(m); setName(m === 'duplicate' ? `${info.name} (copy)` : info.name); };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === '' || mode === null) return;
    setBusy(true);
    try {
      await (mode === 'rename' ? actions.rename(info.name, name.trim()) : actions.duplicate(info.name, name.trim()));
      setMode(null);
    } catch { /* shown by the screen */ } finally {
      setBusy(false);
    }
  }

  if (mode !== null) {
    const label = mode === 'rename' ? 'Rename collection' : 'Duplicate collection';
    return (
      <form className="review-collection-form" aria-label={label} onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => { if (e.key === 'Escape') setMode(null); }}>
        <label htmlFor={`${id}-n`}>{mode === 'rename' ? 'New name' : 'Name of the copy'}</label>
        <input id={`${id}-n`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus />
        <button type="button" onClick={() => setMode(null)}>Cancel</button>
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>{mode === 'rename' ? 'Rename' : 'Duplicate'}</button>
      </form>
    );
  }
  return (
    <div className="review-collection-actions">
      <button type="button" onClick={() => open('rename')}>Rename</button>
      <button type="button" onClick={() => open('duplicate')}>Duplicate</button>
      <button type="button" className="danger" onClick={() => actions.deleteCollection(info)}>Delete</button>
    </div>
  );
}
