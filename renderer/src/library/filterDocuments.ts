/** The Library's document filters (text in title or path, kind, status). Pure. */
import type { StatusReport } from '../api.js';

export type DocumentRow = StatusReport['documents'][number];

export interface DocumentFilter {
  text: string;
  kind: DocumentRow['kind'] | 'all';
  status: DocumentRow['status'] | 'all';
}

export const NO_FILTER: DocumentFilter = { text: '', kind: 'all', status: 'all' };

export function filterDocuments(docs: readonly DocumentRow[], f: DocumentFilter): DocumentRow[] {
  const words = f.text.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return docs.filter((d) => {
    if (f.kind !== 'all' && d.kind !== f.kind) return false;
    if (f.status !== 'all' && d.status !== f.status) return false;
    if (words.length === 0) return true;
    const hay = `${d.title ?? ''} ${d.path}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export const KIND_LABELS: Record<DocumentRow['kind'], string> = { pdf: 'PDF', note: 'Note', pubmed: 'PubMed', docx: 'Word', html: 'Web page', epub: 'EPUB', reference: 'Record', trial: 'Trial' };
export const STATUS_LABELS: Record<DocumentRow['status'], string> = { ok: 'OK', partial: 'Partial', error: 'Error' };
