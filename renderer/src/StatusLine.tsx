import type { StatusReport } from './api.js';
import { plural } from './format.js';

/** Library totals: documents, PubMed records among them, pages, chunks (and errors when there are any). */
export function StatusLine({ status }: { status: StatusReport | null }) {
  if (!status) return <footer className="status muted">No library loaded yet.</footer>;
  const t = status.totals;
  const parts = [plural(t.documents, 'document'), plural(t.pages, 'page'), plural(t.chunks, 'chunk')];
  if (t.pubmed > 0) parts.splice(1, 0, plural(t.pubmed, 'PubMed record'));
  if (t.errors > 0) parts.push(plural(t.errors, 'error'));
  return <footer className="status">{parts.join(' · ')}</footer>;
}
