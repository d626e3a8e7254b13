/**
 * One index run at a time, started from the folder picker or a drop: live progress from
 * `index:progress` (and, while another Delve process writes the library, whom it waits for, from
 * `index:waiting`), pause and cancel (both stop the engine's job, which keeps the work done, so
 * resume simply runs the same paths again), and the run's summary or error.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, unwrap, type IndexProgress, type IndexSummary, type IpcError, type WriterWait } from '../api.js';

/** What was asked to be indexed: picked paths, or dropped Files (the preload maps them to paths). */
export type IndexRequest = { kind: 'paths'; paths: string[] } | { kind: 'files'; files: File[] };

export type IndexJob =
  | { phase: 'idle' }
  | { phase: 'running'; progress: IndexProgress | null; stopping: 'pause' | 'cancel' | null; /** Another process writes the library: the job waits for it. */ waiting?: WriterWait | null }
  | { phase: 'paused' }
  | { phase: 'cancelled' }
  | { phase: 'done'; summary: IndexSummary }
  | { phase: 'failed'; error: IpcError };

export interface IndexJobControls {
  job: IndexJob;
  /** The last request, for Resume. */
  last: IndexRequest | null;
  start(req: IndexRequest): Promise<void>;
  pause(): Promise<void>;
  cancel(): Promise<void>;
  resume(): Promise<void>;
  /** Why pause or cancel failed, if they did. */
  stopError: IpcError | null;
}

const asIpcError = (err: unknown): IpcError =>
  err instanceof ApiError ? err.error : { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };

export function useIndexJob(onFinished: () => void): IndexJobControls {
  const [job, setJob] = useState<IndexJob>({ phase: 'idle' });
  const [last, setLast] = useState<IndexRequest | null>(null);
  const [stopError, setStopError] = useState<IpcError | null>(null);
  const stopping = useRef<'pause' | 'cancel' | null>(null);
  const running = useRef(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    const offProgress = api().on('index:progress', (progress) => {
      setJob((j) => (j.phase === 'running' ? { ...j, progress, waiting: null } : j));
    });
    const offWaiting = api().on('index:waiting', (waiting) => {
      setJob((j) => (j.phase === 'running' ? { ...j, waiting } : j));
    });
    return () => { offProgress(); offWaiting(); };
  }, []);

  const start = useCallback(async (req: IndexRequest) => {
    if (running.current) return;
    running.current = true;
    stopping.current = null;
    setStopError(null);
    setLast(req);
    setJob({ phase: 'running', progress: null, stopping: null });
    try {
      const summary = await unwrap(req.kind === 'paths' ? api().index(req.paths) : api().indexDropped(req.files));
      setJob({ phase: 'done', summary });
    } catch (err) {
      const error = asIpcError(err);
      if (error.code === 'CANCELLED') setJob({ phase: stopping.current === 'pause' ? 'paused' : 'cancelled' });
      else setJob({ phase: 'failed', error });
    } finally {
      running.current = false;
      stopping.current = null;
      finished.current();
    }
  }, []);

  const stop = useCallback(async (how: 'pause' | 'cancel') => {
    if (!running.current) return;
    stopping.current = how;
    setJob((j) => (j.phase === 'running' ? { ...j, stopping: how } : j));
    try {
      await unwrap(api().cancelIndex());
    } catch (err) {
      stopping.current = null;
      setJob((j) => (j.phase === 'running' ? { ...j, stopping: null } : j));
      setStopError(asIpcError(err));
    }
  }, []);

  const pause = useCallback(() => stop('pause'), [stop]);
  const cancel = useCallback(() => stop('cancel'), [stop]);
  const resume = useCallback(async () => {
    if (last) await start(last);
  }, [last, start]);

  return { job, last, start, pause, cancel, resume, stopError };
}
