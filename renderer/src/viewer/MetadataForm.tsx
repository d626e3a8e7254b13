/** "Edit details": the user corrects title, authors, year, DOI and journal; only changed fields are sent. */
import { useState, type FormEvent } from 'react';
import { api, unwrap, type DocumentDetail, errorText } from '../api.js';
import { buildPatch, fieldSourceLabel, formFromDetail, type BibForm } from './metadata.js';

interface Props {
  detail: DocumentDetail;
  onSaved(detail: DocumentDetail): void;
  onCancel(): void;
}

const FIELDS: { key: keyof BibForm; label: string; hint?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'authors', label: 'Authors', hint: 'One per line, or separated by semicolons' },
  { key: 'year', label: 'Year' },
  { key: 'doi', label: 'DOI', hint: '10.1234/…' },
  { key: 'journal', label: 'Journal' },
];

export function MetadataForm({ detail, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<BibForm>(() => formFromDetail(detail));
  const [errors, setErrors] = useState<Partial<Record<keyof BibForm, string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = buildPatch(detail, form);
    if (!r.ok) { setErrors(r.errors); return; }
    setErrors({});
    if (Object.keys(r.patch).length === 0) { onCancel(); return; }
    setSaving(true);
    setSaveError(null);
    try {
      onSaved(await unwrap(api().updateMetadata(detail.id, r.patch)));
    } catch (err) {
      setSaveError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="viewer-form" aria-label="Edit details" onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onCancel(); } }}>
      {FIELDS.map(({ key, label, hint }) => {
        const id = `viewer-field-${key}`;
        const source = fieldSourceLabel(detail.sources[key]);
        const common = { id, value: form[key], 'aria-invalid': errors[key] ? true : undefined, onChange: (ev: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: ev.target.value })) };
        return (
          <div key={key} className="viewer-form-row">
            <label htmlFor={id}>{label}</label>
            {key === 'authors' ? <textarea rows={3} {...common} placeholder={hint} /> : <input type="text" inputMode={key === 'year' ? 'numeric' : undefined} {...common} placeholder={hint} />}
            <span className="viewer-source">{source}</span>
            {errors[key] && <span className="viewer-form-error error" role="alert">{errors[key]}</span>}
          </div>
        );
      })}
      {saveError && <p role="alert" className="error">Could not save ({saveError})</p>}
      <div className="viewer-form-actions">
        <button type="submit" className="primary" disabled={saving}>{saving ? 'Saving…' : 'Save details'}</button>
        <button type="button" onClick={onCancel} disabled={saving}>Cancel</button>
      </div>
    </form>
  );
}
