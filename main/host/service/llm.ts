/**
 * The local LLM (Ollama) from the settings: its health (version, installed models, missing ones),
 * a quick health check cached for the status bar, and pulling a model with `llm:pull` progress.
 */
import { checkLlm, pullLlmModel, resolveLlmConfig, type LlmHealth } from '../../engine/app/llm.js';
import { toErrorData } from '../../engine/errors.js';
import type { EngineEvent } from '../engine-protocol.js';
import { llmConfigOf } from './engine-config.js';
import type { Settings } from './types.js';

/** How long the status bar's health check is reused. */
export const HEALTH_TTL_MS = 10_000;
const QUICK_TIMEOUT_MS = 1500;

export function llmHealth(s: Settings, timeoutMs?: number): Promise<LlmHealth> {
  return checkLlm(resolveLlmConfig(llmConfigOf(s)), timeoutMs);
}

/** The status bar's check: reused for HEALTH_TTL_MS per host and models (clear() after a pull). */
export function cachedHealth(now: () => number = Date.now): { get(s: Settings): Promise<LlmHealth>; clear(): void } {
  let cached: { key: string; at: number; health: Promise<LlmHealth> } | null = null;
  return {
    get(s) {
      const key = JSON.stringify(llmConfigOf(s));
      if (!cached || cached.key !== key || now() - cached.at > HEALTH_TTL_MS) {
        cached = { key, at: now(), health: llmHealth(s, QUICK_TIMEOUT_MS) };
      }
      return cached.health;
    },
    clear() { cached = null; },
  };
}

export async function llmPull(s: Settings, model: string, emit: (e: EngineEvent) => void): Promise<boolean> {
  const send = (payload: Omit<Extract<EngineEvent, { name: 'llm:pull' }>['payload'], 'model'>) =>
    emit({ type: 'event', name: 'llm:pull', payload: { model, ...payload } });
  let last = { status: 'starting', completed: 0, total: 0 };
  try {
    await pullLlmModel(resolveLlmConfig(llmConfigOf(s)), model, (p) => {
      last = p;
      send({ ...p, done: false });
    });
  } catch (err) {
    send({ ...last, done: true, error: toErrorData(err) });
    throw err;
  }
  send({ ...last, status: 'success', done: true });
  return true;
}
