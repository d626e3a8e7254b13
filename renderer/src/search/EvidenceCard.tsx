/**
 * One search result as an evidence card: the quote with matched terms marked, where it comes from,
 * the LLM judge's reason, the Open / Save to collection actions, and "Why this result?" (how it
 * ranked, in plain words).
 */
import { forwardRef, useState, type KeyboardEvent } from 'react';
import { fileName, ocrLabel, sourceLabel } from '../format.js';
import { MoreList, MoreToggle } from './MorePassages.js';
import { SaveEvidenceForm } from './SaveEvidenceForm.js';
import { sectionPath } from './sectionPath.js';
import type { Result, Tops } from './scores.js';
import { Snippet } from './Snippet.js';
import { WhyPanel, WhyToggle } from './WhyThisResult.js';

export interface EvidenceCardProps {
  result: Result;
  /** 1-based place in the list shown (a stage's ranking may carry the engine's earlier ranks). */
  position: number;
  /** The best values in the list (the keyword bar is relative to the best keyword score). */
  tops: Tops;
  query: string;
  mode: string;
  tabIndex: number;
  saving: boolean;
  savedTo: string | null;
  onOpen(): void;
  onSaveToggle(open: boolean): void;
  onSaved(collection: string): void;
  onKeyDown(e: KeyboardEvent<HTMLLIElement>): void;
  onFocus(): void;
  /** The document's other passages: shown or not, and opening one of them. */
  expanded: boolean;
  onExpand(open: boolean): void;
  onOpenPassage(passage: Result): void;
}

export const EvidenceCard = forwardRef<HTMLLIElement, EvidenceCardProps>(function EvidenceCard(p, ref) {
  const r = p.result;
  const title = r.title ?? fileName(r.path);
  const where = sourceLabel(r);
  const section = sectionPath(r.headingPath, r.title);
  const titleId = `search-card-${r.chunkId}`;
  const [why, setWhy] = useState(false);
  const whyId = `search-why-${r.chunkId}`;
  return (
    <li ref={ref} className="search-card" data-testid="evidence-card" tabIndex={p.tabIndex} aria-labelledby={titleId}
      onKeyDown={p.onKeyDown} onFocus={p.onFocus}>
      <div className="search-card-head">
        <span className="search-card-rank" aria-hidden="true">{p.position}</span>
        <span className="search-card-title" id={titleId} title={r.path}>{title}</span>
        {where !== '' && <span className="search-card-page">{where}</span>}
        {r.trace.frontMatter && <span className="search-badge" title="The paper's title, authors and affiliations matched">Title and authors</span>}
        {r.ocrConfidence !== undefined && (
          <span className="search-badge search-badge-ocr" title="This passage was read from a scanned page by OCR: words may be misread">{ocrLabel(r.ocrConfidence)}</span>
        )}
        {section.length > 0 && <span className="search-card-heading">{section.join(' › ')}</span>}
      </div>
      <blockquote className="search-card-quote"><Snippet result={r} /></blockquote>
      {r.trace.llm && r.trace.llm.reason !== '' && (
        <p className="search-card-reason"><span className="search-card-reason-label">LLM judge {r.trace.llm.score}/10:</span> {r.trace.llm.reason}</p>
      )}
      <div className="search-card-foot">
        <WhyToggle id={whyId} open={why} onToggle={setWhy} />
        <MoreToggle result={r} expanded={p.expanded} onToggle={p.onExpand} />
        <span className="search-card-actions">
          <button type="button" onClick={p.onOpen} title={`Open ${title} in the viewer`}>Open</button>
          <button type="button" aria-expanded={p.saving} onClick={() => p.onSaveToggle(!p.saving)}>Save to collection</button>
        </span>
      </div>
      {why && <WhyPanel id={whyId} trace={r.trace} tops={p.tops} />}
      {p.expanded && <MoreList result={r} tops={p.tops} onOpen={p.onOpenPassage} />}
      {p.savedTo !== null && !p.saving && <p className="search-card-saved" role="status">Saved to “{p.savedTo}”</p>}
      {p.saving && (
        <SaveEvidenceForm target={{ chunkId: r.chunkId }} query={p.query} mode={p.mode} onSaved={p.onSaved} onCancel={() => p.onSaveToggle(false)} />
      )}
    </li>
  );
});
