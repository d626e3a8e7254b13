/**
 * "+N more passages from this paper" under an evidence card: a toggle, and when open the
 * document's other passages (page, excerpt, how each ranked) with an Open button each.
 */
import { sourceLabel } from '../format.js';
import { documentNoun } from './group.js';
import { signalLine, type Result, type Tops } from './scores.js';
import { Snippet } from './Snippet.js';

export interface MorePassagesProps {
  result: Result;
  tops: Tops;
  expanded: boolean;
  onToggle(open: boolean): void;
  onOpen(passage: Result): void;
}

export function MorePassages({ result, tops, expanded, onToggle, onOpen }: MorePassagesProps) {
  const g = result.group;
  if (!g || g.passages < 2) return null;
  const n = g.passages - 1;
  const noun = documentNoun(result);
  const listId = `search-more-${result.chunkId}`;
  return (
    <div className="search-card-more">
      <button type="button" className="link-button" aria-expanded={expanded} aria-controls={listId} onClick={() => onToggle(!expanded)}>
        {expanded ? `Hide the other passages` : `+${n} more passage${n === 1 ? '' : 's'} from this ${noun}`}
      </button>
      {expanded && (
        <ol id={listId} className="search-more-list" aria-label={`More passages from this ${noun}`}>
          {g.more.map((m) => (
            <li key={m.chunkId} className="search-more-item">
              <span className="search-card-page">{sourceLabel(m) || `passage ${m.rank}`}</span>
              {m.trace.frontMatter && <span className="search-badge">Title and authors</span>}
              <Snippet result={m} className="search-more-quote" />
              <span className="search-card-ranks muted">{signalLine(m.trace, tops)}</span>
              <button type="button" onClick={() => onOpen(m)}>Open</button>
            </li>
          ))}
          {n > g.more.length && <li className="muted search-more-rest">{n - g.more.length} more further down: open the {noun} to read them.</li>}
        </ol>
      )}
    </div>
  );
}
