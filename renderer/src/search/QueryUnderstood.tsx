/**
 * Under the search box: how the engine understood the query's operators ("must contain “heart
 * failure”", "author: Tully") and, as notes, anything it could not honour: never dropped silently.
 */
import type { SearchResponse } from '../api.js';

export function QueryUnderstood({ operators }: { operators: NonNullable<SearchResponse['operators']> }) {
  if (operators.applied.length === 0 && operators.notes.length === 0) return null;
  return (
    <div className="search-operators" aria-label="How the search was understood">
      {operators.applied.length > 0 && <p className="muted">Searched: {operators.applied.join(' · ')}</p>}
      {operators.notes.length > 0 && (
        <ul className="search-operator-notes">
          {operators.notes.map((n) => <li key={n}>Not honoured: {n}</li>)}
        </ul>
      )}
    </div>
  );
}
