/**
 * "Import model folder…": the system folder picker (host command pickModelFolder), then modelImport
 * copies and hashes the folder into the data folder; the result or the error in words.
 */
import { useState } from 'react';
import { api, unwrap } from '../api.js';
import { formatBytes } from '../app/StatusBar.js';

export function ImportModelFolder({ onImported }: { onImported(id: string): void | Promise<void> }) {
  const [state, setState] = useState<{ phase: 'idle' | 'running' } | { phase: 'done'; text: string } | { phase: 'failed'; text: string }>({ phase: 'idle' });
  const run = async () => {
    try {
      const folder = await unwrap(api().pickModelFolder());
      if (folder === null) return;
      setState({ phase: 'running' });
      const r = await unwrap(api().modelImport(folder));
      setState({ phase: 'done', text: `Imported “${r.id}” (${r.files} files, ${formatBytes(r.bytes)}).` });
      await onImported(r.id);
    } catch (e) {
      const err = e as { code?: string; message: string };
      setState({ phase: 'failed', text: `Could not import the folder (${err.code ?? 'ERROR'}): ${err.message}` });
    }
  };
  return (
    <div className="settings-row settings-import">
      <button type="button" onClick={() => void run()} disabled={state.phase === 'running'}>Import model folder…</button>
      <span className="settings-note">A folder with an ONNX model, its tokenizer.json and config.json (e.g. downloaded on another computer).</span>
      {state.phase === 'running' && <span className="settings-note" role="status">Copying and checking the files…</span>}
      {state.phase === 'done' && <span className="settings-ok" role="status">{state.text}</span>}
      {state.phase === 'failed' && <span className="error" role="alert">{state.text}</span>}
    </div>
  );
}
