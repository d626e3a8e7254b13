/** Settings → Ollama: the host, a model per LLM role ('' = the default model), and the connection check. */
import type { Settings, SettingsPatch } from '../api.js';
import { Field } from './Field.js';
import { LlmHealthPanel } from './LlmHealthPanel.js';
import type { FieldErrors } from './patch.js';

const ROLES: { key: 'expander' | 'rewriter' | 'judge'; label: string; hint: string }[] = [
  { key: 'expander', label: 'Query expander model', hint: 'Adds synonyms and related terms to a search.' },
  { key: 'rewriter', label: 'Query rewriter model', hint: 'Rewrites questions and drafts PubMed queries.' },
  { key: 'judge', label: 'Relevance judge model', hint: 'Re-ranks results by reading them.' },
];

export interface SectionProps {
  draft: Settings;
  saved: Settings;
  errors: FieldErrors;
  update(patch: SettingsPatch): void;
}

export function OllamaSection({ draft, saved, errors, update }: SectionProps) {
  const unsaved = draft.ollama.host !== saved.ollama.host || ROLES.some((r) => draft.ollama[r.key] !== saved.ollama[r.key]);
  const embedder = draft.ollama.embedder;
  return (
    <section className="settings-section" aria-labelledby="settings-ollama">
      <h3 id="settings-ollama">Ollama (local LLM)</h3>
      <p className="settings-note">
        Ollama is a free app that runs language models on this computer; Delve uses it for Deep search and to draft
        PubMed and trial searches. Install it from ollama.com and open it, then “Check connection” below.
      </p>
      <Field label="Ollama host" error={errors['ollama.host']} hint="Where Ollama listens, e.g. http://127.0.0.1:11434.">
        {({ id, describedBy, invalid }) => (
          <input id={id} type="url" value={draft.ollama.host} aria-describedby={describedBy} aria-invalid={invalid}
            onChange={(e) => update({ ollama: { host: e.target.value } })} />
        )}
      </Field>
      <details className="settings-details" open={ROLES.some((r) => draft.ollama[r.key] !== '')}>
        <summary>Models per role</summary>
        {ROLES.map((r) => (
          <Field key={r.key} label={r.label} error={errors[`ollama.${r.key}`]} hint={`${r.hint} Empty: the default model.`}>
            {({ id, describedBy, invalid }) => (
              <input id={id} value={draft.ollama[r.key]} placeholder="Default model" spellCheck={false} aria-describedby={describedBy} aria-invalid={invalid}
                onChange={(e) => update({ ollama: { [r.key]: e.target.value.trim() } })} />
            )}
          </Field>
        ))}
      </details>
      <details className="settings-details" open={embedder !== ''}>
        <summary>Embeddings on Ollama</summary>
        <Field label="Embedding model on Ollama" error={errors['ollama.embedder']}
          hint="An Ollama embedding model (e.g. nomic-embed-text) embeds the library on the Ollama host, such as a lab GPU server, instead of the model installed here. Empty: the installed model. Changing it re-embeds the library.">
          {({ id, describedBy, invalid }) => (
            <input id={id} value={embedder} placeholder="Installed model" spellCheck={false} aria-describedby={describedBy} aria-invalid={invalid}
              onChange={(e) => update({ ollama: { embedder: e.target.value.trim() } })} />
          )}
        </Field>
      </details>
      <LlmHealthPanel unsaved={unsaved} />
    </section>
  );
}
