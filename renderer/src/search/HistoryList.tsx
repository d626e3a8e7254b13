/** The recent searches, newest first: a click runs one again with its mode. */
import type { SearchHistoryEntry } from '../api.js';
import { isoDateTime } from '../format.js';

export function HistoryList({ entries, onPick }: { entries: SearchHistoryEntry[] | null; onPick(e: SearchHistoryEntry): void }) {
  return (
    <nav className="search-history" aria-label="Search history">
      <h2>History</h2>
      {entries === null && <p className="muted">Loading…</p>}
      {entries?.length === 0 && <p className="muted">Searches you run appear here.</p>}
      <ul>
        {entries?.map((e) => (
          <li key={e.id}>
            <button type="button" onClick={() => onPick(e)} title={`${e.query} — ${e.mode}, ${e.results} results, ${isoDateTime(e.at)}`}>
              <span className="search-history-q">{e.query}</span>
              <span className="search-history-meta muted">{e.mode === 'full' ? 'Deep' : 'Fast'} · {e.results}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
