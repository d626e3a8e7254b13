/**
 * What went wrong talking to Ollama, as an error code the UI can act on, with the fix as a hint:
 * OLLAMA_UNREACHABLE (nothing answers at the host), MODEL_MISSING (the model is not pulled),
 * LLM_TIMEOUT (a call took longer than the limit), LLM_FAILED (an error reply that retries did not
 * cure), CANCELLED (the caller aborted).
 */
import { EngineError, type ErrorCode } from '../errors.js';

export class LlmError extends EngineError {
  constructor(code: ErrorCode, message: string, readonly hint: string, readonly transient = false, options?: { cause?: unknown }) {
    super(code, message, options);
  }

  toStatus(): { code: ErrorCode; message: string; hint: string } {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EADDRNOTAVAIL']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ETIMEDOUT']);

function causeCode(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let i = 0; e && i < 5; i++, e = e.cause as typeof e) if (typeof e.code === 'string') return e.code;
  return undefined;
}

export interface CallContext { host: string; model: string; timeoutMs: number; timedOut: boolean; cancelled: boolean }

export function classify(err: unknown, c: CallContext): LlmError {
  if (err instanceof LlmError) return err;
  if (c.cancelled) return new LlmError('CANCELLED', 'the LLM call was cancelled', '');
  if (c.timedOut) {
    return new LlmError('LLM_TIMEOUT', `${c.model} did not answer within ${Math.round(c.timeoutMs / 1000)} s`,
      'use a smaller or already loaded model, or raise the LLM timeout', false, { cause: err });
  }
  const status = (err as { status_code?: unknown }).status_code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof status === 'number') {
    if (status === 404 && /not found|pull/i.test(message)) {
      return new LlmError('MODEL_MISSING', `Ollama at ${c.host} does not have the model ${c.model}`, `run: ollama pull ${c.model}`, false, { cause: err });
    }
    const transient = status === 429 || status >= 500;
    return new LlmError('LLM_FAILED', `Ollama answered HTTP ${status}: ${message}`, transient ? 'Ollama is overloaded or failed; try again' : 'check the Ollama server log', transient, { cause: err });
  }
  const code = causeCode(err);
  const cause = (err as { cause?: { message?: unknown } }).cause?.message;
  if (cause === 'bad port') {
    return new LlmError('OLLAMA_UNREACHABLE', `${c.host} uses a port that HTTP clients refuse (a browser-blocked port)`, 'set Ollama to another port (OLLAMA_HOST), e.g. the default 11434', false, { cause: err });
  }
  if (code && UNREACHABLE.has(code)) {
    return new LlmError('OLLAMA_UNREACHABLE', `nothing answers at ${c.host} (${code})`, 'start Ollama (ollama serve, or open the Ollama app) or set its address (OLLAMA_HOST, --ollama)', false, { cause: err });
  }
  if ((code && RESET.has(code)) || /fetch failed|socket|other side closed|terminated/i.test(message)) {
    return new LlmError('OLLAMA_UNREACHABLE', `the connection to Ollama at ${c.host} broke (${code ?? message})`, 'check that Ollama is still running', true, { cause: err });
  }
  return new LlmError('LLM_FAILED', `the LLM call failed: ${message}`, 'check the Ollama server log', false, { cause: err });
}
