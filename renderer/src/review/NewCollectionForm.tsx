/** "New collection": a name and a description; creates it and hands it back. */
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError, unwrap, type CollectionInfo } from '../api.js';

export function NewCollectionForm({ onCreated, onCancel }: { onCreated(c: CollectionInfo): void; onCancel(): void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await unwrap(api().createCollection(name.trim(), description.trim())));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL', message: String(err) }));
      setBusy(false);
    }
  }

  return (
    <form className="review-new" aria-label="New collection" onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }}>
      <label htmlFor={`${id}-n`}>Name</label>
      <input id={`${id}-n`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus />
      <label htmlFor={`${id}-d`}>Description</label>
      <textarea id={`${id}-d`} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      <div className="review-new-actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>{busy ? 'Creating…' : 'Create'}</button>
      </div>
      {error && <p role="alert" className="error">Could not create it ({error.code}): {error.message}</p>}
    </form>
  );
}
