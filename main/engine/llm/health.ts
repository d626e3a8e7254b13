/**
 * Is the local LLM ready? Asks Ollama for its version and its installed models, and says which of the
 * models Delve's roles need are missing (with the command that fixes it). `pullModel` downloads one
 * through Ollama with progress and cancel.
 */
import { ollamaClient as client } from './client.js';
import type { ResolvedLlmConfig } from './config.js';
import { LlmError, classify } from './failure.js';

export interface LlmHealth {
  host: string;
  ok: boolean;
  version: string | null;
  installed: string[];
  missing: string[];
  status: { code: string; message: string; hint: string } | null;
}

const withTag = (m: string) => (m.includes(':') ? m : `${m}:latest`);


export async function checkLlm(cfg: ResolvedLlmConfig, timeoutMs = 3000): Promise<LlmHealth> {
  const wanted = [...new Set(Object.values(cfg.models))];
  const timeout = AbortSignal.timeout(timeoutMs);
  const c = client(cfg.host, timeout);
  try {
    const { version } = await c.version();
    const installed = (await c.list()).models.map((m) => m.name);
    const have = new Set(installed.map(withTag));
    const missing = wanted.filter((m) => !have.has(withTag(m)));
    const status = missing.length === 0 ? null : {
      code: 'MODEL_MISSING', message: `Ollama at ${cfg.host} lacks ${missing.join(', ')}`, hint: missing.map((m) => `ollama pull ${m}`).join('; '),
    };
    return { host: cfg.host, ok: missing.length === 0, version, installed, missing, status };
  } catch (err) {
    const e = classify(err, { host: cfg.host, model: wanted[0] ?? '', timeoutMs, timedOut: timeout.aborted, cancelled: false });
    return { host: cfg.host, ok: false, version: null, installed: [], missing: wanted, status: e.toStatus() };
  }
}

export interface PullProgress { status: string; completed: number; total: number }

export async function pullModel(cfg: ResolvedLlmConfig, model: string, onProgress?: (p: PullProgress) => void, signal?: AbortSignal): Promise<void> {
  const c = client(cfg.host, signal ?? new AbortController().signal);
  try {
    const stream = await c.pull({ model, stream: true });
    for await (const p of stream) onProgress?.({ status: p.status, completed: p.completed ?? 0, total: p.total ?? 0 });
  } catch (err) {
    if (err instanceof LlmError) throw err;
    const e = classify(err, { host: cfg.host, model, timeoutMs: 0, timedOut: false, cancelled: signal?.aborted ?? false });
    throw e.code === 'MODEL_MISSING' ? new LlmError('MODEL_MISSING', `Ollama's library has no model ${model}`, 'check the name on ollama.com/library') : e;
  }
}
