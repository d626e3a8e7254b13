/**
 * The Library screen: the folders (add by picker or drag and drop, remove), references imported
 * from a .bib/.ris file, the index run's progress and report, and the documents with filters. Folders and documents are reloaded after
 * every run and removal.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap, type LibraryRoot, type StatusReport, errorText } from '../api.js';
import { ADD_FOLDER_EVENT } from '../app/nav.js';
import { plural } from '../format.js';
import { DocumentList } from './DocumentList.js';
import { FolderList } from './FolderList.js';
import { ImportReferences } from './ImportReferences.js';
import { IndexPanel } from './IndexPanel.js';
import { useDropZone } from './useDropZone.js';
import { useIndexJob } from './useIndexJob.js';
import './LibraryScreen.css';


export function LibraryScreen() {
  const [roots, setRoots] = useState<LibraryRoot[] | null>(null);
  const [report, setReport] = useState<StatusReport | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [r, s] = await Promise.all([unwrap(api().roots()), unwrap(api().status())]);
      setRoots(r);
      setReport(s);
      setLoadError(null);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, []);
  useEffect(() => { void refresh(); }, [refresh]);

  const controls = useIndexJob(() => void refresh());
  const running = controls.job.phase === 'running';

  async function addFolder() {
    setPickError(null);
    try {
      const folders = await unwrap(api().pickFolders());
      if (folders.length > 0) await controls.start({ kind: 'paths', paths: folders });
    } catch (err) {
      setPickError(errorText(err));
    }
  }

  // The first-run checklist's "Add folder…" opens this screen and asks for the picker.
  const add = useRef(addFolder);
  add.current = addFolder;
  useEffect(() => {
    const onAdd = () => { if (!running) void add.current(); };
    window.addEventListener(ADD_FOLDER_EVENT, onAdd);
    return () => window.removeEventListener(ADD_FOLDER_EVENT, onAdd);
  }, [running]);

  const drop = useDropZone((files) => { if (!running) void controls.start({ kind: 'files', files }); });
  const totals = report?.totals;

  return (
    <div className="library" {...drop.handlers}>
      {drop.over && (
        <div className="library-dropzone library-dropzone-active" aria-hidden="true">
          {running ? 'Indexing is running: drop again when it has finished' : 'Drop to index these folders and files'}
        </div>
      )}
      <header className="library-header">
        <div>
          <h1>Library</h1>
          <p className="muted">
            {totals
              ? `${plural(totals.documents, 'document')}${totals.pages > 0 ? ` · ${plural(totals.pages, 'page')}` : ''} · ${plural(totals.chunks, 'chunk')}`
                + (totals.errors > 0 ? ` · ${plural(totals.errors, 'error')}` : '')
                + (totals.needsOcrPages > 0 ? ` · ${plural(totals.needsOcrPages, 'page')} without text` : '')
              : 'Loading…'}
          </p>
        </div>
        <div className="library-actions">
          <ImportReferences busy={running} onImported={() => void refresh()} />
          <button type="button" className="primary" onClick={() => void addFolder()} disabled={running}>Add folder</button>
        </div>
      </header>
      {loadError && <p role="alert" className="error">Could not load the library ({loadError})</p>}
      {pickError && <p role="alert" className="error">Could not add the folder ({pickError})</p>}
      <IndexPanel controls={controls} />
      <section className="library-section" aria-labelledby="library-folders-title">
        <h2 id="library-folders-title">Folders</h2>
        <FolderList roots={roots} busy={running} onRemoved={() => void refresh()} />
        <p className="library-dropzone library-drophint muted">Drop folders or files anywhere on this screen to index them.</p>
      </section>
      <section className="library-section" aria-labelledby="library-docs-title">
        <h2 id="library-docs-title">Documents</h2>
        <DocumentList report={report} />
      </section>
    </div>
  );
}
