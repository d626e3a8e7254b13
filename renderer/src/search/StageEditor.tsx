/**
 * Correcting one deep-search stage: the keyword rewrite, an expansion round's text, or the RM3 terms
 * with their weights ("term weight, term weight"). "Re-run from here" asks for the deep search again
 * with the correction; the engine takes the stages before it from its LLM reply cache.
 */
import { useId, useState, type FormEvent } from 'react';
import { parseRm3Terms, type StageEdit } from './stages.js';

const WHAT: Record<StageEdit['kind'], string> = {
  rewrite: 'Keyword rewrite',
  expand: 'Expansion text',
  rm3: 'RM3 terms and weights (term weight, term weight, …)',
};

export function StageEditor({ edit, value, label, onRun, disabled }: {
  edit: StageEdit; value: string; label: string; disabled: boolean;
  onRun(edit: StageEdit, value: string | { term: string; weight: number }[]): void;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  if (!open) {
    return (
      <button type="button" className="link-button search-stage-edit" disabled={disabled} aria-label={`Edit ${label}`}
        onClick={() => { setText(value); setError(null); setOpen(true); }}>Edit</button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (edit.kind === 'rm3') {
      const parsed = parseRm3Terms(text);
      if ('error' in parsed) { setError(parsed.error); return; }
      setOpen(false);
      onRun(edit, parsed.terms);
      return;
    }
    if (text.trim() === '') { setError('Write something, or cancel.'); return; }
    setOpen(false);
    onRun(edit, text.trim());
  };
  return (
    <form className="search-stage-editor" onSubmit={submit} aria-label={`Edit ${label}`}>
      <label htmlFor={id}>{WHAT[edit.kind]}</label>
      <textarea id={id} value={text} rows={edit.kind === 'rewrite' ? 2 : 4} onChange={(e) => { setText(e.target.value); setError(null); }}
        aria-invalid={error !== null} aria-describedby={error ? `${id}-error` : undefined} />
      {error && <span id={`${id}-error`} role="alert" className="error">{error}</span>}
      <div className="search-stage-editor-actions">
        <button type="submit" className="primary" disabled={disabled}>Re-run from here</button>
        <button type="button" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}
