/**
 * The Library's document filters (text in title or path, kind, status, OCR state). A document whose
 * scanned pages still have no text counts as Partial: its text is incomplete. Pure.
 */
import type { StatusReport } from '../api.js';

export type DocumentRow = StatusReport['documents'][number];

export type OcrFilter = 'ocr-needed' | 'ocr-pending' | 'ocr-done';

export interface DocumentFilter {
  text: string;
  kind: DocumentRow['kind'] | 'all';
  status: DocumentRow['status'] | OcrFilter | 'all';
}

/** The status shown: 'partial' also when scanned pages are still without text. */
export const shownStatus = (d: DocumentRow): DocumentRow['status'] =>
  d.status === 'ok' && (d.ocr === 'needed' || d.ocr === 'pending') ? 'partial' : d.status;

/** "Needs OCR (2 pages)", "OCR pending (1 page)", "OCR done", or null for a document without scanned pages. */
export function ocrLabel(d: DocumentRow): string | null {
  const n = d.ocrPages ?? 0;
  const pages = ` (${n} page${n === 1 ? '' : 's'})`;
  if (d.ocr === 'needed') return `Needs OCR${pages}`;
  if (d.ocr === 'pending') return `OCR pending${pages}`;
  if (d.ocr === 'done') return 'OCR done';
  return null;
}

function statusMatches(d: DocumentRow, status: DocumentFilter['status']): boolean {
  if (status === 'all') return true;
  if (status.startsWith('ocr-')) return d.ocr === status.slice(4);
  return shownStatus(d) === status;
}

export const NO_FILTER: DocumentFilter = { text: '', kind: 'all', status: 'all' };

export function filterDocuments(docs: readonly DocumentRow[], f: DocumentFilter): DocumentRow[] {
  const words = f.text.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return docs.filter((d) => {
    if (f.kind !== 'all' && d.kind !== f.kind) return false;
    if (!statusMatches(d, f.status)) return false;
    if (words.length === 0) return true;
    const hay = `${d.title ?? ''} ${d.path}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export const KIND_LABELS: Record<DocumentRow['kind'], string> = { pdf: 'PDF', note: 'Note', pubmed: 'PubMed', docx: 'Word', html: 'Web page', epub: 'EPUB', reference: 'Record', trial: 'Trial' };
export const STATUS_LABELS: Record<DocumentRow['status'], string> = { ok: 'OK', partial: 'Partial', error: 'Error' };
export const OCR_FILTER_LABELS: Record<OcrFilter, string> = { 'ocr-needed': 'Needs OCR', 'ocr-pending': 'OCR pending', 'ocr-done': 'OCR done' };
