/**
 * /api/embed of the Ollama test server: deterministic unit vectors per text, Ollama's input forms
 * (a string or a list of strings), `truncate` (default true; false and an input over the model's
 * context → HTTP 400 as real Ollama answers), `dimensions`; and scripted faults per call (HTTP
 * errors, delays, hang-ups, or a reply held until the test releases it) through an EmbedResponder.
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { disconnectSignal, sendError, sendJson, sleep } from './http.js';
import { embedVector, findModel } from './models.js';
import type { EmbedCall, EmbedResponder } from './types.js';

export interface EmbedContext {
  models: Set<string>;
  loaded: Set<string>;
  dims: number;
  /** Context length in tokens (a token ≈ 4 characters, as the server counts prompt_eval_count). */
  contextTokens: number;
  responder(): EmbedResponder;
  record(c: Omit<EmbedCall, 'index'>): EmbedCall;
  /** Counts the call as open; the returned function closes it (once). */
  open(): () => void;
}

const tokens = (t: string) => Math.max(1, Math.ceil(t.length / 4));

export async function handleEmbed(ctx: EmbedContext, b: Record<string, unknown>, res: ServerResponse): Promise<void> {
  const name = typeof b.model === 'string' ? b.model : '';
  const input = b.input;
  const texts = typeof input === 'string' ? [input] : input === undefined ? [] : Array.isArray(input) && input.every((t) => typeof t === 'string') ? input as string[] : null;
  const call = ctx.record({ model: name, input: texts ?? [], truncate: typeof b.truncate === 'boolean' ? b.truncate : undefined, dimensions: typeof b.dimensions === 'number' ? b.dimensions : undefined });
  const close = ctx.open();
  res.on('close', close);
  const signal = disconnectSignal(res);
  const reply = await ctx.responder()(call);
  if (reply.delayMs && !(await sleep(reply.delayMs, signal))) return;
  if (signal.aborted) return;
  if (reply.hangUp) { res.socket?.destroy(); res.destroy(); return; }
  if (reply.error !== undefined || reply.status !== undefined) {
    const status = reply.status ?? 500;
    return sendError(res, status, reply.error ?? STATUS_CODES[status] ?? `status ${status}`);
  }
  if (!findModel(ctx.models, name)) return sendError(res, 404, `model "${name}" not found, try pulling it first`);
  if (!texts) return sendError(res, 400, 'invalid input type');
  if (call.truncate === false && texts.some((t) => tokens(t) > ctx.contextTokens)) {
    return sendError(res, 400, 'the input length exceeds the context length');
  }
  const dims = typeof b.dimensions === 'number' && b.dimensions > 0 ? Math.floor(b.dimensions) : ctx.dims;
  ctx.loaded.add(name);
  // With truncation, the vector is that of the text's first contextTokens tokens (as a real model sees it).
  const seen = (t: string) => (tokens(t) > ctx.contextTokens ? t.slice(0, ctx.contextTokens * 4) : t);
  sendJson(res, 200, {
    model: name,
    embeddings: reply.embeddings ?? texts.map((t) => embedVector(seen(t), dims)),
    total_duration: 1_000_000 * (1 + texts.length),
    load_duration: 100_000,
    prompt_eval_count: texts.reduce((n, t) => n + Math.min(tokens(t), ctx.contextTokens), 0),
  });
}
