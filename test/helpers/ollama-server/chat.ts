/** POST /api/chat and /api/generate: record the call, ask the responder, answer like Ollama. */
import type * as http from 'node:http';
import { STATUS_CODES } from 'node:http';
import { disconnectSignal, sendError, sendJson, sleep, startNdjson, writeLine } from './http.js';
import { findModel, isEmbeddingModel } from './models.js';
import { loadBody, resolveOutput, roughTokens, streamBodies, wholeBody } from './reply.js';
import { schemaError } from './schema.js';
import type { ChatCall, ChatMessage, Responder } from './types.js';

export interface ChatContext {
  models: Set<string>;
  responder(): Responder;
  /** Records the call and returns it with its index. */
  record(call: Omit<ChatCall, 'index'>): ChatCall;
  /** Counts an open request; the returned function uncounts it (idempotent). */
  open(): () => void;
  loaded: Set<string>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function toCall(path: ChatCall['path'], b: Record<string, unknown>): Omit<ChatCall, 'index'> {
  const common = {
    path,
    model: str(b.model) ?? '',
    format: b.format,
    options: typeof b.options === 'object' && b.options !== null ? (b.options as Record<string, unknown>) : undefined,
    think: b.think,
    logprobs: typeof b.logprobs === 'boolean' ? b.logprobs : undefined,
    top_logprobs: typeof b.top_logprobs === 'number' ? b.top_logprobs : undefined,
    stream: b.stream !== false,
  };
  if (path === '/api/chat') {
    const messages: ChatMessage[] = (Array.isArray(b.messages) ? b.messages : []).map((m: Record<string, unknown>) => ({
      role: str(m?.role) ?? 'user',
      content: str(m?.content) ?? '',
    }));
    return { ...common, messages, system: messages.find((m) => m.role === 'system')?.content };
  }
  const prompt = str(b.prompt) ?? '';
  const system = str(b.system);
  const messages: ChatMessage[] = [...(system !== undefined ? [{ role: 'system', content: system }] : []), { role: 'user', content: prompt }];
  return { ...common, messages, prompt, system };
}

export async function handleChat(ctx: ChatContext, path: ChatCall['path'], body: Record<string, unknown>, res: http.ServerResponse): Promise<void> {
  const startedNs = process.hrtime.bigint();
  const call = ctx.record(toCall(path, body));
  const close = ctx.open();
  res.on('close', close);
  const signal = disconnectSignal(res);
  try {
    if (!call.model) return sendError(res, 400, 'model is required');
    if (!findModel(ctx.models, call.model)) return sendError(res, 404, `model "${call.model}" not found, try pulling it first`);
    if (isEmbeddingModel(call.model)) return sendError(res, 400, `"${call.model}" does not support ${path === '/api/chat' ? 'chat' : 'generate'}`);
    ctx.loaded.add(call.model);
    const empty = path === '/api/chat' ? call.messages.length === 0 : call.prompt === '';
    if (empty) return sendJson(res, 200, loadBody(call));

    let reply;
    try {
      reply = await ctx.responder()(call);
    } catch (err) {
      return sendError(res, 500, `ollama-test-server: the responder threw: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (reply.delayMs && !(await sleep(reply.delayMs, signal))) return;
    if (reply.hangUp) { res.socket?.destroy(); res.destroy(); return; }
    if (reply.error !== undefined || reply.status !== undefined) {
      const status = reply.status ?? 500;
      const error = reply.error ?? STATUS_CODES[status] ?? `status ${status}`;
      if (status === 200 && call.stream) { startNdjson(res); await writeLine(res, { error }); res.end(); return; }
      return sendError(res, status, error);
    }
    if (reply.json !== undefined && typeof call.format === 'object' && call.format !== null) {
      const problem = schemaError(reply.json, call.format);
      if (problem) return sendError(res, 500, `ollama-test-server: the scripted json does not match the request's format schema: ${problem}`);
    }

    const out = resolveOutput(call, reply);
    const stats = {
      startedNs,
      promptTokens: reply.promptTokens ?? roughTokens(call.messages.map((m) => m.content).join('\n')),
      completionTokens: reply.completionTokens ?? (out.logprobs?.length || roughTokens((out.thinking ?? '') + out.content)),
    };
    const doneReason = reply.doneReason ?? 'stop';
    if (!call.stream) return sendJson(res, 200, wholeBody(call, out, doneReason, stats));
    startNdjson(res);
    const bodies = streamBodies(call, out, doneReason, stats);
    for (let i = 0; i < bodies.length; i++) {
      if (i > 0 && reply.chunkDelayMs && !(await sleep(reply.chunkDelayMs, signal))) return;
      if (!(await writeLine(res, bodies[i]!()))) return;
    }
    res.end();
  } finally {
    if (res.writableFinished || res.destroyed) close();
  }
}
