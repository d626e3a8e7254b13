/**
 * Remote embedding through Ollama's `/api/embed` (request {model, input: string[], truncate},
 * reply {embeddings: number[][]}): a model per role (documents, queries), texts cut into batches
 * of `batchSize`, at most `concurrency` requests in flight across all callers (back-pressure: a
 * caller's further batches wait for a slot), transient failures (connection reset, HTTP 429/5xx)
 * retried with backoff through net/retry.ts, each request cut by its timeout or the caller's
 * AbortSignal. The model's identity (its name and the digest /api/tags lists, the document template,
 * truncation, the dimensions a probe returns) is its fingerprint, so vectors of one remote model are
 * never mixed with another's or with a local model's.
 */
import { createHash } from 'node:crypto';
import { EngineError } from '../errors.js';
import { ollamaClient } from '../llm/client.js';
import { normalizeHost } from '../llm/config.js';
import { classify, LlmError } from '../llm/failure.js';
import { Semaphore } from '../llm/semaphore.js';
import { applyTemplate } from '../models/manifest.js';
import { backoffDelay, withRetry } from '../net/retry.js';
import type { Embedder, EmbedderInfo, EmbedderStats } from './api.js';
import { fullModelName, remoteModelId } from './ollama-names.js';
import type { TextKind } from './runner.js';

export interface OllamaEmbedderOptions {
  /** Ollama's address ("host", "host:port" or a URL; default port 11434). */
  host: string;
  /** The model that embeds document chunks, e.g. "nomic-embed-text". */
  documents: string;
  /** The model that embeds queries (default: the documents model); it must return vectors of the same space. */
  queries?: string;
  /** Per-role templates; `{text}` is the text (nomic-embed-text wants "search_document: {text}" / "search_query: {text}"). */
  templates?: { document?: string; query?: string };
  /** Texts per request (default 32). */
  batchSize?: number;
  /** Requests in flight at once (default 2). */
  concurrency?: number;
  /** Retries of a request after a transient failure (default 3). */
  retries?: number;
  /** Longest one request may take, in ms (default 120 s). */
  timeoutMs?: number;
  /** Ollama's `truncate`: cut inputs to the model's context (default true); false fails on a longer input. */
  truncate?: boolean;
  /** How the backoff between retries waits (tests pass an instant one). Rejects when `signal` aborts. */
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What stored vectors are keyed by (store/vectors.ts). */
export interface RemoteModelRef { id: string; fingerprint: string; dims: number }

export interface OllamaEmbedder extends Embedder {
  readonly host: string;
  /** The models in use, as Ollama names them ("nomic-embed-text:latest"). */
  readonly models: { documents: string; queries: string };
  readonly model: RemoteModelRef;
}


const cancelled = () => new EngineError('CANCELLED', 'embedding cancelled');

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(cancelled()); return; }
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(t); reject(cancelled()); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function l2(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  let sq = 0;
  for (const x of out) sq += x * x;
  if (sq > 0) { const s = 1 / Math.sqrt(sq); for (let i = 0; i < out.length; i++) out[i]! *= s; }
  return out;
}

export async function createOllamaEmbedder(opts: OllamaEmbedderOptions): Promise<OllamaEmbedder> {
  const host = normalizeHost(opts.host);
  const models = { documents: fullModelName(opts.documents), queries: fullModelName(opts.queries ?? opts.documents) };
  const templates = { document: opts.templates?.document ?? '{text}', query: opts.templates?.query ?? '{text}' };
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 32));
  const timeoutMs = Math.max(100, opts.timeoutMs ?? 120_000);
  const retries = Math.max(0, Math.floor(opts.retries ?? 3));
  const truncate = opts.truncate ?? true;
  const wait = opts.wait ?? sleep;
  const slots = new Semaphore(Math.max(1, Math.floor(opts.concurrency ?? 2)));
  const stats: EmbedderStats = { texts: 0, ms: 0, textsPerSec: null };
  let dims = 0;
  let closed = false;

  /** One request, no retry: the texts' vectors (normalised), or a classified error. */
  async function once(model: string, input: string[], signal: AbortSignal): Promise<Float32Array[]> {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const r = await ollamaClient(host, AbortSignal.any([signal, timeout])).embed({ model, input, truncate });
      if (!Array.isArray(r.embeddings) || r.embeddings.length !== input.length) {
        throw new EngineError('EMBEDDER_FAILED', `Ollama returned ${Array.isArray(r.embeddings) ? r.embeddings.length : 'no'} vectors for ${input.length} texts (${model} at ${host})`);
      }
      const out = r.embeddings.map(l2);
      if (dims > 0 && out.some((v) => v.length !== dims)) {
        throw new EngineError('EMBEDDER_FAILED', `${model} at ${host} returned ${out.find((v) => v.length !== dims)!.length}-d vectors, expected ${dims}`);
      }
      return out;
    } catch (err) {
      if (err instanceof EngineError && !(err instanceof LlmError) && err.code === 'EMBEDDER_FAILED') throw err;
      if (signal.aborted) throw cancelled();
      throw classify(err, { host, model, timeoutMs, timedOut: timeout.aborted, cancelled: false });
    }
  }

  /** One batch: waits for a slot (back-pressure), retries transient failures with backoff. */
  function batch(model: string, input: string[], signal: AbortSignal): Promise<Float32Array[]> {
    return withRetry(() => slots.run(() => once(model, input, signal), signal).catch((err: unknown) => {
      throw signal.aborted ? cancelled() : err;
    }), {
      retries,
      retryable: (e) => e instanceof LlmError && e.transient && !signal.aborted,
      delayMs: (attempt) => backoffDelay(attempt, 500, 15_000),
      sleep: wait,
      signal,
    });
  }

  async function run(texts: string[], kind: TextKind, signal?: AbortSignal): Promise<Float32Array[]> {
    if (closed) throw new EngineError('EMBEDDER_FAILED', 'the embedder is closed');
    if (signal?.aborted) throw cancelled();
    if (texts.length === 0) return [];
    const model = kind === 'query' ? models.queries : models.documents;
    const template = kind === 'query' ? templates.query : templates.document;
    const input = texts.map((t) => applyTemplate(template, t));
    // The first failure stops this call's other batches (queued ones never start).
    const stop = new AbortController();
    const both = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
    const started = performance.now();
    const parts: Promise<Float32Array[]>[] = [];
    for (let s = 0; s < input.length; s += batchSize) {
      parts.push(batch(model, input.slice(s, s + batchSize), both).catch((err: unknown) => { stop.abort(); throw err; }));
    }
    const settled = await Promise.allSettled(parts);
    if (signal?.aborted) throw cancelled();
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !(r.reason instanceof EngineError && r.reason.code === 'CANCELLED'))
      ?? settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    stats.texts += texts.length;
    stats.ms += performance.now() - started;
    stats.textsPerSec = stats.ms > 0 ? Math.round((stats.texts / stats.ms) * 1000 * 10) / 10 : null;
    return settled.flatMap((r) => (r as PromiseFulfilledResult<Float32Array[]>).value);
  }

  // Identity: both models must be in Ollama's list (their digests), and give vectors of one size.
  const never = new AbortController().signal;
  let listed: { name?: string; model?: string; digest?: string }[];
  try {
    listed = (await ollamaClient(host, AbortSignal.timeout(timeoutMs)).list()).models;
  } catch (err) {
    throw classify(err, { host, model: models.documents, timeoutMs, timedOut: false, cancelled: false });
  }
  const digestOf = (name: string) => {
    const m = listed.find((e) => fullModelName(e.name ?? e.model ?? '') === name);
    if (!m) throw new LlmError('MODEL_MISSING', `Ollama at ${host} does not have the model ${name}`, `run: ollama pull ${name}`);
    return m.digest ?? '';
  };
  const digest = digestOf(models.documents);
  if (models.queries !== models.documents) digestOf(models.queries);
  const probe = (await batch(models.documents, ['dimension probe'], never))[0]!;
  dims = probe.length;
  if (dims === 0) throw new EngineError('EMBEDDER_FAILED', `${models.documents} at ${host} returned an empty vector`);
  if (models.queries !== models.documents) {
    const q = (await batch(models.queries, ['dimension probe'], never))[0]!;
    if (q.length !== dims) throw new EngineError('MODEL_INVALID', `the query model ${models.queries} gives ${q.length}-d vectors, the document model ${models.documents} ${dims}-d`);
  }
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ provider: 'ollama', model: models.documents, digest, dims, document: templates.document, truncate }))
    .digest('hex');
  const info: EmbedderInfo = { modelId: models.documents, dims, requested: 'ollama', provider: 'ollama', fallbackReason: null };

  return {
    host,
    models,
    model: { id: remoteModelId(models.documents), fingerprint, dims },
    info,
    stats: () => ({ ...stats }),
    embedDocuments: (texts, o) => run(texts, 'document', o?.signal),
    embedQueries: (texts, o) => run(texts, 'query', o?.signal),
    close() { closed = true; return Promise.resolve(); },
  };
}
