/**
 * The first run: on an empty library, a short checklist with direct actions — add a folder (the
 * Library's picker), optionally download the recommended embedding model (the catalog's default,
 * chosen once installed), optionally connect Ollama (Settings → Ollama). Each step shows when it is done.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap, type AppStatus, type ModelListing } from '../api.js';
import { percent } from '../settings/progress.js';
import { pullText } from '../settings/pullWords.js';
import { useModelPulls } from '../settings/useModelPulls.js';
import { ADD_FOLDER_EVENT, useNav } from './nav.js';
import { ollamaDown } from './ollamaWords.js';
import { formatBytes } from './StatusBar.js';
import './FirstRun.css';

function Step({ done, title, optional, children }: { done: boolean; title: string; optional?: boolean; children: React.ReactNode }) {
  return (
    <li className={`first-run-step${done ? ' is-done' : ''}`}>
      <span className="first-run-mark" aria-hidden="true">{done ? '✓' : ''}</span>
      <div className="first-run-body">
        <h3>{optional && <span className="first-run-optional">Optional: </span>}{title}{done && <span className="visually-hidden"> (done)</span>}</h3>
        {children}
      </div>
    </li>
  );
}

export function FirstRun({ status, refresh }: { status: AppStatus; refresh(): void }) {
  const { go, openSettings } = useNav();
  const [model, setModel] = useState<ModelListing | null>(null);
  const [useError, setUseError] = useState<string | null>(null);
  const loadModel = useCallback(async () => {
    const all = await unwrap(api().models()).catch(() => [] as ModelListing[]);
    setModel(all.find((m) => m.default) ?? null);
  }, []);
  useEffect(() => { void loadModel(); }, [loadModel]);
  const use = useCallback(async (id: string) => {
    try {
      await unwrap(api().setSettings({ embeddingModel: id }));
      setUseError(null);
    } catch (e) {
      const err = e as { code?: string; message: string };
      setUseError(`${err.code ?? 'ERROR'}: ${err.message}`);
    }
    await loadModel();
    refresh();
  }, [loadModel, refresh]);
  const { pulls, download } = useModelPulls(use);
  const pull = model ? pulls[model.id] : undefined;
  const running = pull !== undefined && pull.error === null;

  const addFolder = () => {
    go('library');
    setTimeout(() => window.dispatchEvent(new Event(ADD_FOLDER_EVENT)), 0);
  };

  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Get started</h2>
      <p className="muted">Your library is empty. Only the first step is needed; the others make search better.</p>
      <ol className="first-run-steps">
        <Step done={status.documents > 0} title="Add a folder of PDFs or notes">
          <p className="muted">Delve reads and indexes it on this computer; nothing is uploaded.</p>
          <button type="button" className="primary" onClick={addFolder} disabled={status.indexing}>{status.indexing ? 'Indexing…' : 'Add folder…'}</button>
        </Step>
        <Step done={status.embedding !== null} optional title="Download the recommended embedding model">
          <p className="muted">Finds passages by meaning, not only by their words{model ? `: ${model.name}${model.downloadBytes ? `, ${formatBytes(model.downloadBytes)}` : ''}` : ''}.</p>
          {status.embedding && <p className="first-run-ok">In use: {status.embedding.model}</p>}
          {!status.embedding && model && !model.installed && !running && (
            <button type="button" onClick={() => void download(model.id)}>{model.partial || pull?.error ? 'Resume download' : `Download ${model.name}`}</button>
          )}
          {!status.embedding && model?.installed && <button type="button" onClick={() => void use(model.id)}>Use {model.name}</button>}
          {running && (
            <p className="first-run-progress" role="status">
              {pullText(pull.event)}
              {!pull.event?.retry && <progress max={100} value={pull.event ? percent(pull.event.received, pull.event.total) : undefined} aria-label={`Downloading ${model?.name ?? 'the model'}`} />}
            </p>
          )}
          {pull?.error && <p className="error" role="alert">{pull.error}</p>}
          {useError && <p className="error" role="alert">{useError}</p>}
          <button type="button" className="link-button" onClick={() => openSettings?.('embedding')}>Other models and importing a model folder</button>
        </Step>
        <Step done={status.ollama.ok} optional title="Connect Ollama (a local LLM)">
          <p className="muted">Used by Deep search and to draft PubMed and trial searches from a question.</p>
          {status.ollama.ok
            ? <p className="first-run-ok">Connected at {status.ollama.host}</p>
            : <><p>{ollamaDown(status.ollama.host)}.</p><button type="button" onClick={() => openSettings?.('ollama')}>Set up Ollama</button></>}
        </Step>
      </ol>
    </section>
  );
}
