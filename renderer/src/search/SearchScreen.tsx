/**
 * The Search screen: one box with a Fast / Deep switch, the evidence cards, the deep search's
 * stage panel, and the search history. Ctrl/Cmd+K (FOCUS_SEARCH_EVENT) focuses the box.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, unwrap, type SearchHistoryEntry } from '../api.js';
import { FirstRun } from '../app/FirstRun.js';
import { FOCUS_SEARCH_EVENT } from '../app/nav.js';
import { OllamaNotice } from '../app/OllamaNotice.js';
import { useAppStatus } from '../app/useAppStatus.js';
import { modeWords, plural } from '../format.js';
import { HistoryList } from './HistoryList.js';
import { QueryUnderstood } from './QueryUnderstood.js';
import { groupResults } from './group.js';
import { ResultList } from './ResultList.js';
import { StagePanel } from './StagePanel.js';
import { canLoadMore, useSearch, type SearchModeChoice } from './useSearch.js';
import { noMatchText } from './emptyText.js';
import './SearchScreen.css';

/** Newest first, one entry per query text (a deep search also records its fast first pass). */
export function distinctHistory(entries: SearchHistoryEntry[]): SearchHistoryEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.query) && (seen.add(e.query), true));
}

/** The results shown by chunk: the section heading, else the title or file (what a stage's moves are called). */
const resultNames = (results: readonly { chunkId: number; headingPath: string[]; title: string | null; path: string }[]) =>
  new Map(results.map((r) => [r.chunkId, r.headingPath.at(-1) ?? r.title ?? r.path.split(/[\\/]/).pop() ?? r.path]));

export function SearchScreen() {
  const [text, setText] = useState('');
  const [mode, setMode] = useState<SearchModeChoice>('fast');
  const [history, setHistory] = useState<SearchHistoryEntry[] | null>(null);
  const [compact, setCompact] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  const loadHistory = useCallback(() => {
    unwrap(api().history(20)).then((h) => setHistory(distinctHistory(h)), () => setHistory((h) => h ?? []));
  }, []);
  const { state, search, stop, loadMore, steer } = useSearch(loadHistory);
  const app = useAppStatus();
  const emptyLibrary = app.status !== null && app.status.documents === 0 && !app.status.indexing;
  const ollamaOff = app.status !== null && !app.status.ollama.ok;
  const deepStopped = state.deep?.status?.code === 'OLLAMA_UNREACHABLE';

  useEffect(() => {
    box.current?.focus();
    loadHistory();
    const focus = () => { box.current?.focus(); box.current?.select(); };
    window.addEventListener(FOCUS_SEARCH_EVENT, focus);
    return () => window.removeEventListener(FOCUS_SEARCH_EVENT, focus);
  }, [loadHistory]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void search(text, mode);
  };
  const rerun = (h: SearchHistoryEntry) => {
    const m: SearchModeChoice = h.mode === 'full' ? 'deep' : 'fast';
    setText(h.query);
    setMode(m);
    void search(h.query, m);
  };
  const toResults = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowDown') return;
    const card = document.querySelector<HTMLElement>('.search-results [data-testid="evidence-card"]');
    if (card) { e.preventDefault(); card.focus(); }
  };

  const engineMode = state.deep ? 'full' : state.fast?.mode ?? 'hybrid';
  const q = state.query;
  const papers = groupResults(state.error ? [] : state.results);
  return (
    <div className="search-screen">
      <div className="search-main">
        <form className="search-form" role="search" onSubmit={submit}>
          <input ref={box} id="search-input" type="search" aria-label="Search" value={text} onChange={(e) => setText(e.target.value)}
            onKeyDown={toResults} placeholder="Ask a question or type keywords (“exact phrase”, -word, author:, year:…)" autoComplete="off" spellCheck={false} />
          <div className="search-modes" role="radiogroup" aria-label="Search mode">
            <label title="Keyword and semantic retrieval: results in milliseconds">
              <input type="radio" name="search-mode" value="fast" checked={mode === 'fast'} onChange={() => setMode('fast')} /> Fast
            </label>
            <label title="Adds the local LLM: query expansion, keyword rewrite and a judged rerank">
              <input type="radio" name="search-mode" value="deep" checked={mode === 'deep'} onChange={() => setMode('deep')} /> Deep
              {ollamaOff && <span className="search-mode-off"> (no LLM)</span>}
            </label>
          </div>
          <button type="submit" className="primary" disabled={text.trim() === '' || state.loading}>Search</button>
        </form>
        {mode === 'deep' && ollamaOff && !deepStopped && (
          <OllamaNotice host={app.status?.ollama.host ?? null} purpose="deep"
            fallback="Without it, Deep search falls back to pseudo-relevance feedback (RM3): the query expanded with words from its top keyword matches, no LLM." />
        )}
        {state.error && <p role="alert" className="error search-error">Search failed ({state.error.code}): {state.error.message}</p>}
        {(q !== null && !state.error) || papers.length > 0 ? (
          <div className="search-summary-row">
            {q !== null && !state.error && (
              <p className="search-summary muted" aria-live="polite">
                {state.loading ? 'Searching…' : `${plural(papers.length, 'result')} for “${q}”`}
                {state.fast && <> · first results in {Math.round(state.fast.ms).toLocaleString()} ms ({modeWords(state.fast.mode)})</>}
              </p>
            )}
            {papers.length > 0 && (
              <div className="search-view" role="group" aria-label="Result view">
                <button type="button" aria-pressed={!compact} onClick={() => setCompact(false)}>Cards</button>
                <button type="button" aria-pressed={compact} onClick={() => setCompact(true)}>Compact list</button>
              </div>
            )}
          </div>
        ) : null}
        {state.fast?.operators && !state.loading && <QueryUnderstood operators={state.fast.operators} />}
        {state.deep && q !== null && <StagePanel deep={state.deep} query={q} onStop={stop} onEdit={(edit, value) => void steer(edit, value)} names={resultNames(state.results)} />}
        {emptyLibrary && <FirstRun status={app.status!} refresh={app.refresh} />}
        {q === null && !state.loading && !emptyLibrary && (
          <div className="search-empty">
            <p>Search your library by meaning and by keyword.</p>
            <ul className="muted">
              <li><strong>Fast</strong> answers at once from keyword and semantic retrieval.</li>
              <li><strong>Deep</strong> shows those first, then lets the local LLM expand the query and judge the passages.</li>
              <li>Use ↑/↓ or j/k to move between results, Enter to open one, s to save it. Ctrl+K comes back here.</li>
            </ul>
          </div>
        )}
        {q !== null && !state.loading && !state.error && state.results.length === 0 && state.deep?.phase !== 'running' && (
          <p className="search-empty">{noMatchText(q, { emptyLibrary, deep: state.deep !== null, llm: !ollamaOff && !deepStopped })}</p>
        )}
        <div className={state.loading ? 'search-stale' : undefined}>
          <ResultList results={papers} query={q ?? ''} mode={engineMode} startedAt={state.startedAt} firstResults={state.fast} compact={compact} />
        </div>
        {canLoadMore(state) && (
          <button type="button" className="search-load-more" onClick={() => void loadMore()} disabled={state.loadingMore}>
            {state.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
      <HistoryList entries={history} onPick={rerun} />
    </div>
  );
}
