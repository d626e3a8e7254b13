/** Settings → Chunking, PubMed and Appearance: plain fields. */
import { useState } from 'react';
import type { Settings } from '../api.js';
import { Field } from './Field.js';
import type { SectionProps } from './OllamaSection.js';

const num = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v));

export function ChunkingSection({ draft, errors, update }: Omit<SectionProps, 'saved'>) {
  return (
    <section className="settings-section" aria-labelledby="settings-chunking">
      <h3 id="settings-chunking">Chunking</h3>
      <p className="settings-note">Changing these re-chunks each document the next time it is indexed (and re-embeds it).</p>
      <div className="settings-row">
        <Field label="Chunk size (characters)" error={errors['chunking.size']} hint="200 to 8000.">
          {({ id, describedBy, invalid }) => (
            <input id={id} type="number" min={200} max={8000} step={50} value={Number.isFinite(draft.chunking.size) ? draft.chunking.size : ''}
              aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => update({ chunking: { size: num(e.target.value) } })} />
          )}
        </Field>
        <Field label="Overlap (characters)" error={errors['chunking.overlap']} hint="0 to 2000, less than the size.">
          {({ id, describedBy, invalid }) => (
            <input id={id} type="number" min={0} max={2000} step={10} value={Number.isFinite(draft.chunking.overlap) ? draft.chunking.overlap : ''}
              aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => update({ chunking: { overlap: num(e.target.value) } })} />
          )}
        </Field>
      </div>
    </section>
  );
}

export function PubmedSection({ draft, errors, update }: Omit<SectionProps, 'saved'>) {
  const [show, setShow] = useState(false);
  return (
    <section className="settings-section" aria-labelledby="settings-pubmed">
      <h3 id="settings-pubmed">PubMed</h3>
      <Field label="NCBI API key" error={errors['pubmed.apiKey']} hint="Optional: raises NCBI's limit from 3 to 10 requests a second (free, from your NCBI account settings).">
        {({ id, describedBy, invalid }) => (
          <span className="settings-row">
            <input id={id} type={show ? 'text' : 'password'} value={draft.pubmed.apiKey} autoComplete="off" spellCheck={false}
              aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => update({ pubmed: { apiKey: e.target.value.trim() } })} />
            <button type="button" aria-pressed={show} onClick={() => setShow((s) => !s)}>{show ? 'Hide key' : 'Show key'}</button>
          </span>
        )}
      </Field>
      <Field label="Email" error={errors['pubmed.email']} hint="Sent with requests, as NCBI asks, so they can contact you about heavy use.">
        {({ id, describedBy, invalid }) => (
          <input id={id} type="email" value={draft.pubmed.email} aria-describedby={describedBy} aria-invalid={invalid}
            onChange={(e) => update({ pubmed: { email: e.target.value.trim() } })} />
        )}
      </Field>
      <details className="settings-details" open={Boolean(errors['pubmed.eutils'])}>
        <summary>Advanced</summary>
        <Field label="E-utilities URL" error={errors['pubmed.eutils']} hint="NCBI's E-utilities base URL; change only for a mirror or proxy.">
          {({ id, describedBy, invalid }) => (
            <input id={id} type="url" value={draft.pubmed.eutils} aria-describedby={describedBy} aria-invalid={invalid}
              onChange={(e) => update({ pubmed: { eutils: e.target.value.trim() } })} />
          )}
        </Field>
      </details>
    </section>
  );
}

const THEMES: { id: Settings['theme']; label: string }[] = [
  { id: 'system', label: 'Follow the system' }, { id: 'light', label: 'Light' }, { id: 'dark', label: 'Dark' },
];

export function AppearanceSection({ draft, update }: Omit<SectionProps, 'saved' | 'errors'>) {
  return (
    <section className="settings-section" aria-labelledby="settings-appearance">
      <h3 id="settings-appearance">Appearance</h3>
      <fieldset className="settings-radios">
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t.id}>
            <input type="radio" name="settings-theme" value={t.id} checked={draft.theme === t.id} onChange={() => update({ theme: t.id })} />
            {t.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
