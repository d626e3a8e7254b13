/** Human-readable lines for progress and counts. Pure functions. */
import type { IndexProgress, SearchResponse } from './api.js';

type Result = SearchResponse['results'][number];

const PHASES: Record<IndexProgress['phase'], string> = {
  scan: 'Scanning',
  parse: 'Reading',
  write: 'Saving',
  ocr: 'Recognising scanned pages',
  embed: 'Embedding',
  done: 'Done',
};

export function formatEta(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '';
  const s = Math.round(ms / 1000);
  if (s < 60) return `about ${Math.max(s, 1)} s left`;
  const m = Math.round(s / 60);
  return m < 60 ? `about ${m} min left` : `about ${Math.floor(m / 60)} h ${m % 60} min left`;
}

/** "Reading 12/40 · 35.2 pages/s · about 2 min left" */
export function formatProgress(p: IndexProgress): string {
  const parts = [`${PHASES[p.phase]} ${p.done}/${p.total}`];
  if (p.phase !== 'done' && p.pagesPerSec > 0) parts.push(`${p.pagesPerSec.toFixed(p.pagesPerSec < 10 ? 1 : 0)} pages/s`);
  const eta = p.phase === 'done' ? '' : formatEta(p.etaMs);
  if (eta) parts.push(eta);
  return parts.join(' · ');
}

export const plural = (n: number, word: string): string => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

export const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * A PDF page as the reader knows it: "p. 84 (PDF page 1)" when the printed label differs from the
 * PDF's own page number, else "p. 5". Cards, the viewer and the review all say it this way.
 */
export function pageName(page: number, label: string | null | undefined): string {
  return label && label !== String(page) ? `p. ${label} (PDF page ${page})` : `p. ${page}`;
}

/** Where a result comes from: "p. 84 (PDF page 1)" for a PDF page, "ch. 3 (Methods)" for an EPUB chapter, "PubMed 31234567" for an imported record, "Record" for a .bib/.ris/Zotero record, "ClinicalTrials.gov NCT…" for a trial, "" for a note, DOCX or web page (their heading path says where). */
export function sourceLabel(r: Pick<Result, 'kind' | 'path' | 'page' | 'pageLabel'>): string {
  switch (r.kind) {
    case 'pdf': return r.page === null ? '' : pageName(r.page, r.pageLabel);
    case 'pubmed': return `PubMed ${r.path.replace(/^pubmed:/, '')}`;
    case 'epub': return r.page === null ? '' : `ch. ${r.page}${r.pageLabel ? ` (${r.pageLabel})` : ''}`;
    case 'note': case 'docx': case 'html': return '';
    case 'reference': return 'Record';
    case 'trial': return `ClinicalTrials.gov ${r.path.replace(/^trial:/, '')}`;
  }
}

/** "OCR text, 91% confidence": a passage or page whose text came from OCR, with its mean word confidence (0–100). */
export const ocrLabel = (confidence: number): string => `OCR text, ${Math.round(confidence)}% confidence`;

const two = (n: number) => String(n).padStart(2, '0');
/** YYYY-MM-DD in local time: never ambiguous (12/7 or 7/12). */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}
/** YYYY-MM-DD HH:MM in local time. */
export const isoDateTime = (ms: number): string => `${isoDate(ms)} ${two(new Date(ms).getHours())}:${two(new Date(ms).getMinutes())}`;

/** A search mode in words, never "bm25": "keyword match", "keyword and meaning match", "meaning match", "deep". */
export function modeWords(mode: string): string {
  const words: Record<string, string> = { bm25: 'keyword match', hybrid: 'keyword and meaning match', dense: 'meaning match', full: 'deep' };
  return words[mode] ?? mode;
}
