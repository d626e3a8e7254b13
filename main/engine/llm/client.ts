/**
 * The LLM layer: chat calls to Ollama through the `ollama` client, one model per role. Each call has
 * a timeout and the caller's AbortSignal (both cut the HTTP request), waits for a slot (bounded
 * concurrency), retries transient failures with backoff, keeps reasoning apart from the answer
 * (Ollama's `message.thinking`, or `<think>` blocks stripped from the text), and is answered from
 * the SQLite cache when the same prompt was asked before. Counters feed the search's `llm` summary.
 */
import { Ollama, type ChatRequest, type Message } from 'ollama';
import { reset as closeBreaker, trip, tripped } from './breaker.js';
import { LlmCache, cacheKey, type CachedReply } from './cache.js';
import type { LlmRole, ResolvedLlmConfig } from './config.js';
import { LlmError, classify } from './failure.js';
import { PROMPT_VERSION } from './prompts.js';
import { splitThinking } from './reply.js';
import { Semaphore } from './semaphore.js';
import { exponentialDelay, withRetry } from '../net/retry.js';
import { createFetch } from '../net/http.js';

export interface ChatParams {
  role: LlmRole;
  messages: Message[];
  /** A JSON schema the reply must follow (Ollama structured outputs). */
  format?: object;
  temperature?: number;
  /** Sample number: distinct samples of one prompt are cached apart. */
  sample?: number;
  /** Ask for token log-probabilities with this many alternatives per token. */
  topLogprobs?: number;
  numPredict?: number;
  signal?: AbortSignal;
}

export interface LlmReply extends CachedReply {
  cached: boolean;
  model: string;
  ms: number;
}

/**
 * An `ollama` client whose every request carries `signal`: the client passes no signal for
 * non-streamed calls, so a timeout or a cancel can only cut the HTTP request through its fetch.
 */
/** Through the environment's proxy like every request, except to a local Ollama (loopback), which no proxy can reach. */
const ollamaFetch = createFetch({ directLoopback: true });

export function ollamaClient(host: string, signal: AbortSignal): Ollama {
  return new Ollama({ host, fetch: (input, init) => ollamaFetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }) });
}

export interface LlmUsage { calls: number; promptTokens: number; completionTokens: number; cacheHits: number; failures: number }

export class Llm {
  readonly usage: LlmUsage = { calls: 0, promptTokens: 0, completionTokens: 0, cacheHits: 0, failures: 0 };
  private readonly slots: Semaphore;
  private readonly cache: LlmCache;

  /**
   * `wait` is how the backoff between retries waits (default a timer; tests pass an instant one
   * that records the delays). It rejects with CANCELLED when the signal aborts.
   */
  constructor(readonly config: ResolvedLlmConfig, cache: LlmCache | null = null, private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void> = sleep) {
    this.slots = new Semaphore(config.concurrency);
    this.cache = cache ?? new LlmCache(null);
  }

  modelFor(role: LlmRole): string {
    return this.config.models[role];
  }

  async chat(p: ChatParams): Promise<LlmReply> {
    const model = this.modelFor(p.role);
    const options = { temperature: p.temperature ?? 0, ...(p.numPredict ? { num_predict: p.numPredict } : {}), ...(p.sample !== undefined ? { seed: 1000 + p.sample } : {}) };
    const key = cacheKey({ v: PROMPT_VERSION, role: p.role, model, messages: p.messages, format: p.format ?? null, options, top: p.topLogprobs ?? 0 });
    const hit = this.cache.get(key);
    if (hit) {
      this.usage.cacheHits++;
      return { ...hit, cached: true, model, ms: 0 };
    }
    const req: ChatRequest & { stream: false } = {
      model, messages: p.messages, stream: false, options,
      ...(p.format ? { format: p.format } : {}),
      ...(p.topLogprobs ? { logprobs: true, top_logprobs: p.topLogprobs } : {}),
    };
    try {
      return await withRetry(async () => {
        const down = tripped(this.config.host);
        if (down) throw new BreakerOpen(down);
        try {
          const reply = await this.slots.run(() => this.once(req, p.signal), p.signal);
          closeBreaker(this.config.host);
          this.cache.put(key, p.role, model, strip(reply));
          return reply;
        } catch (err) {
          const e = err instanceof LlmError ? err : classify(err, { host: this.config.host, model, timeoutMs: this.config.timeoutMs, timedOut: false, cancelled: p.signal?.aborted ?? false });
          if (e.code === 'OLLAMA_UNREACHABLE' && !e.transient) trip(this.config.host, e);
          throw e;
        }
      }, {
        retries: this.config.retries,
        retryable: (e) => e instanceof LlmError && e.transient && !p.signal?.aborted,
        delayMs: (attempt) => exponentialDelay(attempt, 200),
        // Cancelled while waiting to retry: not counted as a failed call.
        sleep: (ms, signal) => this.wait(ms, signal).catch((e: unknown) => { uncounted.add(e as object); throw e; }),
        ...(p.signal ? { signal: p.signal } : {}),
      });
    } catch (err) {
      if (!uncounted.has(err as object)) this.usage.failures++;
      throw err instanceof BreakerOpen ? err.error : err;
    }
  }

  private async once(req: ChatRequest & { stream: false }, signal?: AbortSignal): Promise<LlmReply> {
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const client = ollamaClient(this.config.host, both);
    const started = performance.now();
    this.usage.calls++;
    try {
      const r = await client.chat(req);
      const { answer, thinking } = splitThinking(r.message?.content ?? '', r.message?.thinking);
      const reply: LlmReply = {
        content: answer, thinking, logprobs: (r.logprobs as unknown[] | undefined) ?? null,
        promptTokens: r.prompt_eval_count ?? 0, completionTokens: r.eval_count ?? 0,
        cached: false, model: req.model, ms: performance.now() - started,
      };
      this.usage.promptTokens += reply.promptTokens;
      this.usage.completionTokens += reply.completionTokens;
      return reply;
    } catch (err) {
      throw classify(err, { host: this.config.host, model: req.model, timeoutMs: this.config.timeoutMs, timedOut: timeout.aborted, cancelled: signal?.aborted ?? false });
    }
  }
}

function strip(r: LlmReply): CachedReply {
  return { content: r.content, thinking: r.thinking, logprobs: r.logprobs, promptTokens: r.promptTokens, completionTokens: r.completionTokens };
}

const uncounted = new WeakSet<object>();

/** The host's circuit breaker is open: fail at once, without another attempt. */
class BreakerOpen extends Error {
  constructor(readonly error: LlmError) {
    super(error.message);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(t); reject(new LlmError('CANCELLED', 'the LLM call was cancelled', '')); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
