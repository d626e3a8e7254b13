/**
 * Export a collection: Markdown, CSV, BibTeX or RIS through the app's save dialog, or a preview of
 * the export's text in the page.
 */
import { useState } from 'react';
import { api, ApiError, unwrap, type CollectionExportFormat } from '../api.js';

const FORMATS: { format: CollectionExportFormat; label: string }[] = [
  { format: 'md', label: 'Markdown' }, { format: 'csv', label: 'CSV' }, { format: 'bib', label: 'BibTeX' }, { format: 'ris', label: 'RIS' },
];

const asError = (err: unknown) => (err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL', message: String(err) }));

export function ExportBar({ collection }: { collection: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [previewFormat, setPreviewFormat] = useState<CollectionExportFormat>('md');
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(format: CollectionExportFormat, label: string) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const path = await unwrap(api().saveExport(collection, format));
      setMessage(path === null ? null : `${label} saved to ${path}`);
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  }

  async function showPreview() {
    setError(null);
    try {
      setPreview(await unwrap(api().exportCollection(collection, previewFormat)));
    } catch (err) {
      setError(asError(err));
    }
  }

  return (
    <section className="review-export" aria-label="Export">
      <div className="review-export-bar">
        {FORMATS.map((f) => (
          <button key={f.format} type="button" disabled={busy} onClick={() => void save(f.format, f.label)}>Export {f.label}</button>
        ))}
        <span className="review-export-preview">
          <select aria-label="Preview format" value={previewFormat} onChange={(e) => { setPreviewFormat(e.target.value as CollectionExportFormat); setPreview(null); }}>
            {FORMATS.map((f) => <option key={f.format} value={f.format}>{f.label}</option>)}
          </select>
          <button type="button" onClick={() => void showPreview()}>Preview</button>
          {preview !== null && <button type="button" onClick={() => setPreview(null)}>Hide preview</button>}
        </span>
      </div>
      {message && <p role="status" className="review-export-msg">{message}</p>}
      {error && <p role="alert" className="error">Export failed ({error.code}): {error.message}</p>}
      {preview !== null && <pre className="review-preview" aria-label="Export preview" tabIndex={0}>{preview}</pre>}
    </section>
  );
}
