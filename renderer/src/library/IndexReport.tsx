/** After a run: the summary line, then the files that failed, the warnings and the pages that need OCR. */
import type { ReactNode } from 'react';
import type { IndexSummary } from '../api.js';
import { fileName, plural } from '../format.js';

function summaryLine(s: IndexSummary): string {
  const c = s.changes;
  const parts = [
    `${plural(s.documents, 'document')}, ${plural(s.pages, 'page')}, ${plural(s.chunks, 'chunk')}`,
    `${c.added.toLocaleString()} added, ${c.updated.toLocaleString()} updated, ${c.unchanged.toLocaleString()} unchanged, ${c.removed.toLocaleString()} removed`,
  ];
  if (c.moved > 0) parts.push(`${c.moved.toLocaleString()} moved`);
  if (s.rechunked > 0) parts.push(`${plural(s.rechunked, 'document')} re-chunked`);
  return `${parts.join(' · ')} · ${(s.ms / 1000).toFixed(1)} s`;
}

/** A collapsible list of files with their error code and message. */
function FileProblems({ files, open, summaryClass, label, children }: {
  files: IndexSummary['skipped']; open?: boolean; summaryClass: string; label: string; children: ReactNode;
}) {
  return (
    <details open={open} className="library-issues">
      <summary className={summaryClass}>{children}</summary>
      <ul aria-label={label}>
        {files.map((f) => (
          <li key={f.path + f.code}>
            <span className="library-path" title={f.path}>{fileName(f.path)}</span>
            <code className="library-code">{f.code}</code>
            <span className="muted">{f.message}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function IndexReport({ summary }: { summary: IndexSummary }) {
  const { skipped, warnings, needsOcr } = summary;
  return (
    <section className="library-panel library-report" aria-label="Last indexing run">
      <p role="status"><strong>Indexed</strong> {summaryLine(summary)}</p>
      {summary.embedding && (
        <p className="muted">Embeddings: {summary.embedding.model} on {summary.embedding.provider}</p>
      )}
      {summary.embeddingError && (
        <p role="alert" className="error">
          Embedding failed ({summary.embeddingError.code}): {summary.embeddingError.message}. The text index is kept.
        </p>
      )}
      {skipped.length > 0 && (
        <FileProblems files={skipped} open summaryClass="error" label="Files not indexed">
          {plural(skipped.length, 'file')} could not be indexed
        </FileProblems>
      )}
      {warnings.length > 0 && (
        <FileProblems files={warnings} summaryClass="library-warn" label="Warnings">
          {plural(warnings.length, 'warning')}
        </FileProblems>
      )}
      {needsOcr.length > 0 && (
        <details className="library-issues">
          <summary className="library-warn">{plural(needsOcr.length, 'PDF')} with pages that have no text (need OCR)</summary>
          <ul aria-label="Needs OCR">
            {needsOcr.map((f) => (
              <li key={f.path}>
                <span className="library-path" title={f.path}>{fileName(f.path)}</span>
                <span className="muted">{pagesLabel(f.pages)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** "pages 1–3, 7" */
export function pagesLabel(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    ranges.push(end === start ? String(start) : `${start}–${end}`);
  }
  return `${sorted.length === 1 ? 'page' : 'pages'} ${ranges.join(', ')}`;
}
