/**
 * "+N more passages from this paper" on an evidence card: the toggle (in the card's foot) and,
 * when open, the document's other passages (page, excerpt, how each ranked) with an Open button each.
 */
import { ocrLabel, sourceLabel } from '../format.js';
import { documentNoun } from './group.js';
import { signalLine, type Result, type Tops } from './scores.js';
import { Snippet } from './Snippet.js';

const others = (r: Result): number => (r.group && r.group.passages > 1 ? r.group.passages - 1 : 0);
const listId = (r: Result): string => `search-more-${r.chunkId}`;

export function MoreToggle({ result, expanded, onToggle }: { result: Result; expanded: boolean; onToggle(open: boolean): void }) {
  const n = others(result);
  if (n === 0) return null;
  return (
    <button type="button" className="link-button search-more-toggle" aria-expanded={expanded} aria-controls={listId(result)} onClick={() => onToggle(!expanded)}>
      {expanded ? 'Hide the other passages' : `+${n} more passage${n === 1 ? '' : 's'} from this ${documentNoun(result)}`}
    </button>
  );
}

export function MoreList({ result, tops, onOpen }: { result: Result; tops: Tops; onOpen(passage: Result): void }) {
  const g = result.group;
  const n = others(result);
  if (!g || n === 0) return null;
  const noun = documentNoun(result);
  return (
    <div className="search-card-more">
      <ol id={listId(result)} className="search-more-list" aria-label={`More passages from this ${noun}`}>
        {g.more.map((m) => (
          <li key={m.chunkId} className="search-more-item">
            <span className="search-card-page">{sourceLabel(m) || `passage ${m.rank}`}</span>
            {m.trace.frontMatter && <span className="search-badge">Title and authors</span>}
            {m.ocrConfidence !== undefined && <span className="search-badge search-badge-ocr">{ocrLabel(m.ocrConfidence)}</span>}
            <Snippet result={m} className="search-more-quote" />
            <span className="search-card-ranks muted">{signalLine(m.trace, tops)}</span>
            <button type="button" onClick={() => onOpen(m)}>Open</button>
          </li>
        ))}
        {n > g.more.length && <li className="muted search-more-rest">{n - g.more.length} more further down: open the {noun} to read them.</li>}
      </ol>
    </div>
  );
}
