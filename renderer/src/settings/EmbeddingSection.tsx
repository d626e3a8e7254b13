/**
 * Settings → Embedding model: the catalog (installed ones choosable, pullable ones downloadable
 * with `model:progress`, the recommended one first), "None" for BM25 only, "Import model folder…",
 * the models without a verified download under "Advanced", the execution provider, and what runs.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap, type EmbeddingStatus, type ModelListing, type Settings } from '../api.js';
import { providerLabel } from '../app/StatusBar.js';
import { Field } from './Field.js';
import { ImportModelFolder } from './ImportModelFolder.js';
import { ModelRow } from './ModelRow.js';
import type { SectionProps } from './OllamaSection.js';
import { useModelPulls } from './useModelPulls.js';

const PROVIDERS: { id: Settings['provider']; label: string }[] = [
  { id: 'auto', label: 'Automatic (best available)' }, { id: 'cpu', label: 'CPU' }, { id: 'cuda', label: 'CUDA (NVIDIA)' },
  { id: 'dml', label: 'DirectML (Windows)' }, { id: 'coreml', label: 'Core ML (macOS)' }, { id: 'webgpu', label: 'WebGPU' },
];

const message = (e: unknown) => { const x = e as { code?: string; message: string }; return `${x.code ?? 'ERROR'}: ${x.message}`; };

export function EmbeddingSection({ draft, errors, update }: Omit<SectionProps, 'saved'>) {
  const [models, setModels] = useState<ModelListing[] | null>(null);
  const [status, setStatus] = useState<EmbeddingStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [m, s] = await Promise.all([unwrap(api().models()), unwrap(api().embeddingStatus())]);
      setModels(m);
      setStatus(s);
      setError(null);
    } catch (e) {
      setError(message(e));
    }
  }, []);

  useEffect(() => { void load(); }, [load]);
  // A model downloaded while none is chosen becomes the choice (saved with "Save").
  const chosen = useRef(draft.embeddingModel);
  chosen.current = draft.embeddingModel;
  const installed = useCallback(async (id: string) => {
    await load();
    if (chosen.current === null) update({ embeddingModel: id });
  }, [load, update]);
  const { pulls, download } = useModelPulls(installed);
  const main = models?.filter((m) => m.installed || m.pullable) ?? [];
  const advanced = models?.filter((m) => !m.installed && !m.pullable) ?? [];
  const row = (m: ModelListing) => (
    <ModelRow key={m.id} m={m} chosen={draft.embeddingModel === m.id} pull={pulls[m.id]}
      onChoose={() => update({ embeddingModel: m.id })} onDownload={() => void download(m.id)} />
  );

  return (
    <section className="settings-section" aria-labelledby="settings-embedding">
      <h3 id="settings-embedding">Embedding model</h3>
      <p className="settings-note">Dense retrieval finds passages by meaning; without a model, search uses keywords (BM25) only.</p>
      {error && <p className="error" role="alert">{error}</p>}
      {!models && !error && <p className="settings-note">Loading the model catalog…</p>}
      {models && (
        <ul className="settings-models" aria-label="Embedding models">
          <li className={`settings-model${draft.embeddingModel === null ? ' is-chosen' : ''}`}>
            <label className="settings-model-main">
              <input type="radio" name="settings-embedding" checked={draft.embeddingModel === null} onChange={() => update({ embeddingModel: null })} aria-label="Use no embedding model" />
              <span><strong>None</strong><br /><span className="settings-note">Keyword search (BM25) only.</span></span>
            </label>
          </li>
          {main.map(row)}
        </ul>
      )}
      {models && <ImportModelFolder onImported={installed} />}
      {advanced.length > 0 && (
        <details className="settings-details">
          <summary>Advanced: models without a verified download ({advanced.length})</summary>
          <ul className="settings-models" aria-label="Models to import">{advanced.map(row)}</ul>
        </details>
      )}
      {errors.embeddingModel && <p className="error" role="alert">{errors.embeddingModel}</p>}
      <Field label="Execution provider" error={errors.provider} hint="Where the embedding model runs; unavailable ones fall back to CPU.">
        {({ id, describedBy, invalid }) => (
          <select id={id} value={draft.provider} aria-describedby={describedBy} aria-invalid={invalid}
            onChange={(e) => update({ provider: e.target.value as Settings['provider'] })}>
            {PROVIDERS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        )}
      </Field>
      <div className="settings-note" aria-label="Embedding in use">
        {status ? (
          <>
            In use: <strong>{status.model}</strong> on <strong>{providerLabel(status.provider)}</strong>
            {status.lastJob?.chunksPerSec ? ` · ${Math.round(status.lastJob.chunksPerSec).toLocaleString()} chunks/s` : ''}
            {` · ${status.vectors.toLocaleString()}/${status.texts.toLocaleString()} chunks embedded${status.complete ? '' : ' (incomplete: index again to finish)'}`}
            {status.fallbackReason && <><br /><span className="settings-warn">{status.fallbackReason}</span></>}
            <br />Dense search: {denseLabel(status.denseSearch)}
          </>
        ) : models && 'No embedding model in use.'}
      </div>
    </section>
  );
}

function denseLabel(d: EmbeddingStatus['denseSearch']): string {
  if (d.method === 'bit' || d.method === 'int8') return `${d.method} copy, re-scored exactly`;
  if (d.method === 'sqlite') return `exact, sqlite-vec${d.reason ? ` (${d.reason})` : ''}`;
  return `exact, in memory${d.codes === 'int8' ? ' (int8 codes, re-scored)' : ''} on ${d.workers === 0 ? 'the engine thread' : `${d.workers} thread${d.workers === 1 ? '' : 's'}`}${d.megabytes > 0 ? ` · ${d.megabytes} MB` : ''}${d.reason ? ` (${d.reason})` : ''}`;
}
