/**
 * The inline "Save to collection" form under an evidence card: which collection (or a new one),
 * stance, note and tags. Saves the target (a card's whole passage, never its shortened snippet, or a
 * viewer selection) and the query that found it.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, unwrap, type CollectionInfo, type EvidenceFields, type EvidenceTarget } from '../api.js';

const NEW = '\u0000new';
type Stance = NonNullable<EvidenceFields['stance']>;

export interface SaveEvidenceProps {
  /** A search result's whole passage ({chunkId}), or a selection made in the viewer ({docId, page, quote}). */
  target: EvidenceTarget;
  /** The query that found it and the engine mode (bm25, hybrid or full); '' when none did. */
  query: string;
  mode: string;
  onSaved(collection: string): void;
  onCancel(): void;
}

export const parseTags = (s: string): string[] => [...new Set(s.split(',').map((t) => t.trim()).filter((t) => t !== ''))];

export function SaveEvidenceForm({ target, query, mode, onSaved, onCancel }: SaveEvidenceProps) {
  const id = useId();
  const [collections, setCollections] = useState<CollectionInfo[] | null>(null);
  const [collection, setCollection] = useState('');
  const [newName, setNewName] = useState('');
  const [stance, setStance] = useState<Stance | ''>('');
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const first = useRef<HTMLSelectElement>(null);

  const loaded = collections !== null;
  useEffect(() => { if (loaded) first.current?.focus(); }, [loaded]);
  useEffect(() => {
    unwrap(api().collections()).then((list) => {
      setCollections(list);
      setCollection(list[0]?.name ?? NEW);
    }, (err: unknown) => {
      setCollections([]);
      setCollection(NEW);
      setError(err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL', message: String(err) }));
    });
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const creating = collection === NEW;
    const name = creating ? newName.trim() : collection;
    if (name === '') return;
    setBusy(true);
    setError(null);
    try {
      if (creating && !collections?.some((c) => c.name === name)) await unwrap(api().createCollection(name));
      await unwrap(api().addEvidence(name, target, {
        query: query === '' ? null : { text: query, mode }, stance: stance === '' ? null : stance, note: note.trim(), tags: parseTags(tags),
      }));
      onSaved(name);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL', message: String(err) }));
      setBusy(false);
    }
  }

  return (
    <form className="search-save" aria-label="Save to collection" onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onCancel(); } }}>
      <div className="search-save-row">
        <label htmlFor={`${id}-c`}>Collection</label>
        <select id={`${id}-c`} ref={first} value={collection} onChange={(e) => setCollection(e.target.value)} disabled={collections === null}>
          {collections === null && <option value="">Loading…</option>}
          {collections?.map((c) => <option key={c.id} value={c.name}>{c.name} ({c.evidence})</option>)}
          <option value={NEW}>New collection…</option>
        </select>
        {collection === NEW && (
          <input aria-label="New collection name" placeholder="Name" value={newName} onChange={(e) => setNewName(e.target.value)} required maxLength={200} />
        )}
        <label htmlFor={`${id}-s`}>Stance</label>
        <select id={`${id}-s`} value={stance} onChange={(e) => setStance(e.target.value as Stance | '')}>
          <option value="">None</option>
          <option value="supports">Supports</option>
          <option value="contradicts">Contradicts</option>
          <option value="background">Background</option>
        </select>
      </div>
      <div className="search-save-row">
        <label htmlFor={`${id}-n`}>Note</label>
        <textarea id={`${id}-n`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="search-save-row">
        <label htmlFor={`${id}-t`}>Tags</label>
        <input id={`${id}-t`} placeholder="comma, separated" value={tags} onChange={(e) => setTags(e.target.value)} />
        <span className="search-save-actions">
          <button type="button" onClick={onCancel}>Cancel</button>
          <button type="submit" className="primary" disabled={busy || collections === null}>{busy ? 'Saving…' : 'Save'}</button>
        </span>
      </div>
      {error && <p role="alert" className="error">Could not save ({error.code}): {error.message}</p>}
    </form>
  );
}
