/** Messages between the Embedder (caller's thread) and its worker thread. Plain data. */
import type { ErrorData } from '../errors.js';
import type { EmbedderInfo, EmbedderOptions } from './api.js';
import type { TextKind } from './runner.js';

export type ToWorker =
  | { type: 'init'; opts: EmbedderOptions }
  | { type: 'embed'; id: number; texts: string[]; kind: TextKind }
  | { type: 'cancel'; id: number }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; info: EmbedderInfo }
  | { type: 'init-error'; error: ErrorData }
  | { type: 'result'; id: number; vectors: Float32Array; ms: number }
  | { type: 'error'; id: number; error: ErrorData }
  | { type: 'closed' };
