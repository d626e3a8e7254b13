/** The search history: every engine search with its options (plain data only), result count and time. */
import type { SearchHistoryEntry, SearchOptions } from '../api.js';
import { EngineError } from '../errors.js';
import type { Db } from '../store/db.js';
import { stmt } from '../store/statements.js';

/** The options worth keeping: no signal, callback or the history switch itself. */
export function savedOptions(opts: SearchOptions): SearchOptions {
  const { signal: _s, onEvent: _e, history: _h, ...rest } = opts;
  return JSON.parse(JSON.stringify(rest)) as SearchOptions;
}

export function recordSearch(db: Db, query: string, mode: string, opts: SearchOptions, results: number, ms: number): void {
  stmt(db, 'INSERT INTO search_history (query, mode, options, results, ms, at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(query, mode, JSON.stringify(savedOptions(opts)), results, Math.round(ms * 10) / 10, Date.now());
}

interface Row { id: number; query: string; mode: string; options: string; results: number; ms: number; at: number }
const toEntry = (r: Row): SearchHistoryEntry => ({ ...r, options: JSON.parse(r.options) as SearchOptions });

/** The most recent `limit` searches, newest first. */
export function searchHistory(db: Db, limit = 50): SearchHistoryEntry[] {
  if (!Number.isInteger(limit) || limit < 1) throw new EngineError('BAD_ARGUMENT', 'the history limit must be a whole number from 1');
  return (db.prepare('SELECT * FROM search_history ORDER BY at DESC, id DESC LIMIT ?').all(limit) as Row[]).map(toEntry);
}

export function historyEntry(db: Db, id: number): SearchHistoryEntry {
  const row = db.prepare('SELECT * FROM search_history WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new EngineError('BAD_ARGUMENT', `no search ${id} in the history`);
  return toEntry(row);
}
