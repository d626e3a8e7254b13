/**
 * Editing one piece of evidence in place: stance, note, tags and the quote's bounds (the quote
 * must stay words of its passage: the engine says so when it is not, and the form stays open).
 */
import { useId, useState, type FormEvent } from 'react';
import type { EvidenceEdit, EvidenceRow } from '../api.js';
import { parseTags } from '../search/SaveEvidenceForm.js';

type Stance = NonNullable<EvidenceEdit['stance']>;

export interface EvidenceEditorProps {
  row: EvidenceRow;
  onSave(edit: EvidenceEdit): Promise<unknown>;
  onCancel(): void;
}

export function EvidenceEditor({ row, onSave, onCancel }: EvidenceEditorProps) {
  const id = useId();
  const [stance, setStance] = useState<Stance | ''>(row.stance ?? '');
  const [note, setNote] = useState(row.note);
  const [tags, setTags] = useState(row.tags.join(', '));
  const [quote, setQuote] = useState(row.quote);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const edit: EvidenceEdit = { stance: stance === '' ? null : stance, note: note.trim(), tags: parseTags(tags) };
    if (quote.trim() !== row.quote) edit.quote = quote.trim();
    setBusy(true);
    try {
      await onSave(edit);
    } catch { /* shown by the screen; the form stays open */ } finally {
      setBusy(false);
    }
  }

  return (
    <form className="review-editor" aria-label="Edit evidence" onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }}>
      <label htmlFor={`${id}-q`}>Quote (words of its passage: shorten it, or paste the passage's words around it)</label>
      <textarea id={`${id}-q`} rows={3} value={quote} onChange={(e) => setQuote(e.target.value)} required />
      <div className="review-editor-row">
        <label htmlFor={`${id}-s`}>Stance</label>
        <select id={`${id}-s`} value={stance} onChange={(e) => setStance(e.target.value as Stance | '')}>
          <option value="">None</option>
          <option value="supports">Supports</option>
          <option value="contradicts">Contradicts</option>
          <option value="background">Background</option>
        </select>
        <label htmlFor={`${id}-t`}>Tags</label>
        <input id={`${id}-t`} placeholder="comma, separated" value={tags} onChange={(e) => setTags(e.target.value)} />
      </div>
      <label htmlFor={`${id}-n`}>Note</label>
      <textarea id={`${id}-n`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="review-editor-actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="primary" disabled={busy || quote.trim() === ''}>{busy ? 'Saving…' : 'Save'}</button>
      </div>
    </form>
  );
}
