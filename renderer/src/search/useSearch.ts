/**
 * The search screen's state: a fast search first (shown at once), then in Deep mode the full
 * search with LLM stages, refined live from `search:event`s, stoppable. Older runs' answers and
 * events are ignored once a new search starts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, unwrap, type SearchResponse } from '../api.js';
import { mergeStage, settle, stageRows, withEdit, type PipelineEdits, type StageEdit, type StageRow } from './stages.js';

export type SearchModeChoice = 'fast' | 'deep';
type Result = SearchResponse['results'][number];
export type PipelineStatus = NonNullable<SearchResponse['status']>;

export interface DeepState {
  searchId: string;
  phase: 'running' | 'done' | 'stopped' | 'failed';
  stages: StageRow[];
  status: PipelineStatus | null;
  ms: number | null;
  error: ApiError | null;
  /** The user's corrections this run was asked with (the stages after them ran again). */
  edits: PipelineEdits;
}

export interface SearchState {
  /** The query and mode of the search shown (null before the first). */
  query: string | null;
  mode: SearchModeChoice;
  results: Result[];
  /** The fast search's engine time, the engine's mode for it (bm25 or hybrid), and how its operators were understood. */
  fast: { ms: number; mode: string; operators?: SearchResponse['operators'] } | null;
  loading: boolean;
  error: ApiError | null;
  deep: DeepState | null;
  /** performance.now() when the search was asked for; the run it belongs to. */
  startedAt: number;
  run: number;
  /** Papers asked for (Load more asks for PAGE more, up to MAX_RESULTS), and whether that is running. */
  k: number;
  loadingMore: boolean;
}

export const PAGE = 20;
export const MAX_RESULTS = 100;
/** The fast search groups passages by paper (engine: search/group.ts). */
const FAST = { groupBy: 'document' } as const;

const INITIAL: SearchState = { query: null, mode: 'fast', results: [], fast: null, loading: false, error: null, deep: null, startedAt: 0, run: 0, k: PAGE, loadingMore: false };

/** Whether Load more can bring more papers: the last answer was full, and the fast list is shown. */
export const canLoadMore = (s: SearchState): boolean => s.query !== null && !s.loading && !s.error && s.deep === null
  && s.results.length >= s.k && s.k < MAX_RESULTS;

const asApiError = (err: unknown): ApiError => (err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }));

export function useSearch(onFinished?: () => void) {
  const [state, setState] = useState<SearchState>(INITIAL);
  const current = useRef(state);
  current.current = state;
  const run = useRef(0);
  const deepId = useRef<string | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => api().on('search:event', ({ searchId, event }) => {
    if (searchId !== deepId.current) return;
    setState((s) => {
      if (!s.deep || s.deep.searchId !== searchId || s.deep.phase !== 'running') return s;
      if (event.type === 'results') return { ...s, results: event.results };
      return { ...s, deep: { ...s.deep, stages: mergeStage(s.deep.stages, event.stage) } };
    });
  }), []);

  const stop = useCallback(() => {
    const id = deepId.current;
    if (id) void api().cancelSearch(id);
  }, []);

  /** The full search for `q` with these edits, its stages live; the results shown stay until it answers. */
  const deepRun = useCallback(async (q: string, mine: number, edits: PipelineEdits): Promise<void> => {
    const searchId = crypto.randomUUID();
    deepId.current = searchId;
    setState((s) => ({ ...s, deep: { searchId, phase: 'running', stages: [], status: null, ms: null, error: null, edits } }));
    try {
      const deep = await unwrap(api().search(q, { mode: 'full', k: 20, searchId, pipeline: { rm3Fallback: true, ...(Object.keys(edits).length > 0 ? { edits } : {}) } }));
      if (run.current !== mine) return;
      setState((s) => ({
        ...s, results: deep.results,
        deep: { searchId, phase: 'done', stages: settle(deep.stages ? stageRows(deep.stages) : s.deep?.stages ?? []), status: deep.status ?? null, ms: deep.ms, error: null, edits },
      }));
    } catch (err) {
      if (run.current !== mine) return;
      const e = asApiError(err);
      setState((s) => ({
        ...s, deep: { searchId, phase: e.code === 'CANCELLED' ? 'stopped' : 'failed', stages: settle(s.deep?.stages ?? []), status: null, ms: null, error: e.code === 'CANCELLED' ? null : e, edits },
      }));
    } finally {
      if (deepId.current === searchId) deepId.current = null;
    }
  }, []);

  const search = useCallback(async (query: string, mode: SearchModeChoice) => {
    const q = query.trim();
    if (q === '') return;
    if (deepId.current) void api().cancelSearch(deepId.current);
    deepId.current = null;
    const mine = ++run.current;
    const startedAt = performance.now();
    setState((s) => ({ ...INITIAL, results: s.results, query: q, mode, loading: true, startedAt, run: mine }));
    let fast: SearchResponse;
    try {
      // Deep mode records the deep search in the history, not its fast first pass.
      fast = await unwrap(api().search(q, mode === 'deep' ? { k: PAGE, ...FAST, history: false } : { k: PAGE, ...FAST }));
    } catch (err) {
      if (run.current === mine) setState((s) => ({ ...s, results: [], loading: false, error: asApiError(err) }));
      return;
    }
    if (run.current !== mine) return;
    setState((s) => ({ ...s, results: fast.results, fast: { ms: fast.ms, mode: fast.mode, ...(fast.operators ? { operators: fast.operators } : {}) }, loading: false }));
    if (mode === 'deep') await deepRun(q, mine, {});
    finished.current?.();
  }, [deepRun]);

  /**
   * Re-runs the deep search shown with a stage corrected (engine PipelineOptions.edits): the stages
   * before it come from the LLM reply cache, the stages after it run again.
   */
  const steer = useCallback(async (edit: StageEdit, value: string | { term: string; weight: number }[]) => {
    const s = current.current;
    if (s.query === null || !s.deep || s.deep.phase === 'running') return;
    const mine = ++run.current;
    await deepRun(s.query, mine, withEdit(s.deep.edits, edit, value));
    finished.current?.();
  }, [deepRun]);

  /** The next PAGE papers of the fast search shown (the list is asked for again, longer: ranks stay put). */
  const loadMore = useCallback(async () => {
    const s = current.current;
    if (!canLoadMore(s)) return;
    const mine = run.current;
    const k = Math.min(MAX_RESULTS, s.k + PAGE);
    setState((x) => ({ ...x, loadingMore: true }));
    try {
      const r = await unwrap(api().search(s.query!, { k, ...FAST, history: false }));
      if (run.current === mine) setState((x) => ({ ...x, results: r.results, k, loadingMore: false }));
    } catch (err) {
      if (run.current === mine) setState((x) => ({ ...x, loadingMore: false, error: asApiError(err) }));
    }
  }, []);

  return { state, search, stop, loadMore, steer };
}
