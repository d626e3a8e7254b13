/** One PubMed record in the results: import checkbox, title, authors, journal, year, library badge, PubMed link. */
import type { PubmedSearchResult } from '../api.js';

type Record = PubmedSearchResult['records'][number];

function authorLine(authors: string[]): string {
  if (authors.length === 0) return '';
  if (authors.length <= 3) return authors.join(', ');
  return `${authors.slice(0, 3).join(', ')} et al.`;
}

export interface RecordRowProps {
  r: Record;
  docId: number | null;
  checked: boolean;
  onToggle(): void;
  onOpen(docId: number): void;
  onPubmed(pmid: string): void;
}

export function RecordRow({ r, docId, checked, onToggle, onOpen, onPubmed }: RecordRowProps) {
  const title = r.title || `PMID ${r.pmid}`;
  const meta = [r.journal, r.year].filter((x) => x !== null && x !== '').join(' · ');
  return (
    <li className="pubmed-record">
      <input type="checkbox" aria-label={`Select PMID ${r.pmid} for import`} checked={checked} onChange={onToggle} />
      <div className="pubmed-record-body">
        <div className="pubmed-record-title">{title}</div>
        <div className="pubmed-small muted">
          {authorLine(r.authors)}{r.authors.length > 0 && meta ? ' — ' : ''}{meta}
          <span> · PMID {r.pmid}</span>{r.doi && <span> · doi:{r.doi}</span>}
        </div>
      </div>
      <div className="pubmed-record-actions">
        {docId !== null && (
          <button type="button" className="pubmed-badge" aria-label={`In library: open PMID ${r.pmid}`} onClick={() => onOpen(docId)}>In library</button>
        )}
        <button type="button" aria-label={`Open PMID ${r.pmid} on PubMed`} onClick={() => onPubmed(r.pmid)}>PubMed ↗</button>
      </div>
    </li>
  );
}
