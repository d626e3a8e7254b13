/** The LLM settings with defaults filled in (OLLAMA_HOST is read here, at resolve time). */
import type { LlmConfig, LlmRole } from './types.js';

export type { LlmConfig, LlmRole } from './types.js';

export interface ResolvedLlmConfig {
  host: string;
  models: Record<LlmRole, string>;
  timeoutMs: number;
  concurrency: number;
  retries: number;
}

export const DEFAULT_LLM_MODEL = 'qwen3:4b';
export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

/** Ollama's own OLLAMA_HOST forms: "host", "host:port", "http://host:port". */
export function normalizeHost(h: string): string {
  let host = h.trim().replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(host)) host = `http://${host}`;
  const url = new URL(host);
  if (!url.port && url.protocol === 'http:') url.port = '11434';
  return url.toString().replace(/\/+$/, '');
}

export function resolveLlmConfig(c: LlmConfig = {}): ResolvedLlmConfig {
  const model = c.model ?? DEFAULT_LLM_MODEL;
  return {
    host: normalizeHost(c.host ?? process.env.OLLAMA_HOST ?? DEFAULT_OLLAMA_HOST),
    models: { expander: c.models?.expander ?? model, rewriter: c.models?.rewriter ?? model, judge: c.models?.judge ?? model },
    timeoutMs: Math.max(100, c.timeoutMs ?? 90_000),
    concurrency: Math.max(1, Math.floor(c.concurrency ?? 4)),
    retries: Math.max(0, Math.floor(c.retries ?? 2)),
  };
}
