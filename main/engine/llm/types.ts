/**
 * Where the LLM runs and how it is called. All calls go to a local Ollama server; each role
 * (expander, rewriter, judge) can use its own model. Types only (the renderer's contract imports them).
 */
export type LlmRole = 'expander' | 'rewriter' | 'judge';

export interface LlmConfig {
  /** Ollama's address (default $OLLAMA_HOST, else http://127.0.0.1:11434). */
  host?: string;
  /** The model for every role unless `models` names one (default qwen3:4b). */
  model?: string;
  models?: Partial<Record<LlmRole, string>>;
  /** Longest a single call may take, in ms (default 90 s). */
  timeoutMs?: number;
  /** Calls in flight at once (default 4, Ollama's usual OLLAMA_NUM_PARALLEL). */
  concurrency?: number;
  /** Retries of a call after a transient failure (connection reset, HTTP 429/5xx); default 2. */
  retries?: number;
}
