/**
 * A model download's state in words: bytes so far, "Retrying in 4 s (attempt 3 of 6)…" while the
 * download waits to try again, and the error (HUB_UNREACHABLE already in plain words from the host).
 */
import type { ModelPullEvent } from '../api.js';
import { progressText } from './progress.js';

/** "Retrying in 4 s (attempt 3 of 6)…" */
export function retryText(r: NonNullable<ModelPullEvent['retry']>): string {
  return `Retrying in ${Math.max(1, Math.round(r.delayMs / 1000))} s (attempt ${r.attempt} of ${r.attempts})…`;
}

/** What a running download shows: the retry it waits for, else its bytes, else that it starts. */
export function pullText(ev: ModelPullEvent | null): string {
  if (!ev) return 'Connecting to the model hub…';
  if (ev.retry) return `Cannot reach the model hub. ${retryText(ev.retry)}`;
  const bytes = progressText(ev.received, ev.total);
  return bytes ? `Downloading ${bytes}` : 'Connecting to the model hub…';
}

/** The error line: plain words for an unreachable hub, else the code and message. */
export function pullErrorText(e: { code?: string; message: string }): string {
  return e.code === 'HUB_UNREACHABLE' ? e.message : `${e.code ?? 'ERROR'}: ${e.message}`;
}
