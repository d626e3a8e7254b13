/**
 * A scriptable stand-in for an Ollama server on 127.0.0.1 (node:http only), speaking the real HTTP
 * API closely enough for the `ollama` npm client: /api/version, /api/tags, /api/ps, /api/show,
 * /api/chat and /api/generate (NDJSON streaming or one JSON object; thinking; logprobs; JSON-schema
 * `format` checked against scripted replies), /api/embed (deterministic unit vectors, truncate; see
 * ollama-server/embed.ts), /api/pull (NDJSON progress, can fail midway), /api/delete. Chat/generate
 * replies come from a Responder, embed outcomes from an EmbedResponder; faults (HTTP errors, delays,
 * hang-ups, held replies, killing the server mid-request) are scripted per reply.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleChat, type ChatContext } from './ollama-server/chat.js';
import { readBody, sendError, sendJson, sendText, sleep, startNdjson, disconnectSignal, writeLine } from './ollama-server/http.js';
import { handleEmbed, type EmbedContext } from './ollama-server/embed.js';
import { embedVector, findModel, psEntry, pullSteps, showBody, tagEntry } from './ollama-server/models.js';
import type { ChatCall, EmbedCall, EmbedResponder, OllamaServerOptions, OllamaTestServer, RecordedRequest, Responder, ScriptedReply } from './ollama-server/types.js';

export type { ChatCall, ChatMessage, EmbedCall, EmbedReply, EmbedResponder, OllamaServerOptions, OllamaTestServer, RecordedRequest, Responder, ScriptedLogprob, ScriptedReply, TokenLogprob } from './ollama-server/types.js';

/** A judge's verdict as a structured-output reply. */
export function judgeReply(score: number, reason: string): ScriptedReply {
  return { json: { score, reason } };
}

/** The content of the call's last user message (for generate: the prompt). */
export function lastUserMessage(call: ChatCall): string {
  for (let i = call.messages.length - 1; i >= 0; i--) if (call.messages[i]!.role === 'user') return call.messages[i]!.content;
  return call.prompt ?? '';
}

type Json = Record<string, unknown>;

export async function startOllamaServer(opts: OllamaServerOptions = {}): Promise<OllamaTestServer> {
  const version = opts.version ?? '0.12.0';
  const embedDims = opts.embedDims ?? 8;
  const models = new Set(opts.models ?? ['qwen3:4b', 'llama3.2:3b']);
  const loaded = new Set<string>();
  const calls: ChatCall[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let responder: Responder = opts.respond ?? (() => ({ content: 'ok' }));
  let embedResponder: EmbedResponder = opts.respondEmbed ?? (() => ({}));
  const embeds: EmbedCall[] = [];
  let open = 0;
  let maxOpen = 0;
  let nextIndex = 0;
  let embedOpen = 0;
  let maxEmbedOpen = 0;
  /** Waiters for a condition on the server's state, checked whenever a call arrives or ends. */
  const waiters = new Set<() => boolean>();
  const changed = () => { for (const w of waiters) if (w()) waiters.delete(w); };
  const until = (ok: () => boolean) => new Promise<void>((resolve) => {
    const w = () => { if (!ok()) return false; resolve(); return true; };
    if (!w()) waiters.add(w);
  });

  const chatCtx: ChatContext = {
    models,
    loaded,
    responder: () => responder,
    record(c) { const call = { ...c, index: nextIndex++ }; calls.push(call); changed(); return call; },
    open() {
      open++;
      maxOpen = Math.max(maxOpen, open);
      let counted = true;
      return () => { if (counted) { counted = false; open--; changed(); } };
    },
  };

  const embedCtx: EmbedContext = {
    models,
    loaded,
    dims: embedDims,
    contextTokens: opts.embedContextTokens ?? 2048,
    responder: () => embedResponder,
    record(c) { const call = { ...c, index: embeds.length }; embeds.push(call); changed(); return call; },
    open() {
      embedOpen++;
      maxEmbedOpen = Math.max(maxEmbedOpen, embedOpen);
      let counted = true;
      return () => { if (counted) { counted = false; embedOpen--; changed(); } };
    },
  };

  async function pull(b: Json, res: http.ServerResponse) {
    const name = typeof b.model === 'string' && b.model ? b.model : typeof b.name === 'string' ? b.name : '';
    if (!name) return sendError(res, 400, 'model is required');
    const stream = b.stream !== false;
    const signal = disconnectSignal(res);
    const steps = pullSteps(name);
    const failAt = server.pullFailAt;
    const error = 'max retries exceeded: read tcp 127.0.0.1:0->127.0.0.1:443: read: connection reset by peer';
    if (stream) startNdjson(res);
    for (let i = 0; i < steps.length; i++) {
      if (failAt !== undefined && i >= failAt) {
        if (stream) { await writeLine(res, { error }); res.end(); } else sendError(res, 500, error);
        return;
      }
      if (i > 0 && !(await sleep(opts.pullStepMs ?? 0, signal))) return;
      const step = steps[i]!;
      if (step.status === 'success' && !findModel(models, name)) models.add(name);
      if (stream && !(await writeLine(res, step))) return;
    }
    if (stream) res.end(); else sendJson(res, 200, { status: 'success' });
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown = undefined;
    let bad: string | undefined;
    if (raw !== '') { try { body = JSON.parse(raw); } catch (err) { body = raw; bad = (err as Error).message; } }
    requests.push({ method, path, body });
    const b = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Json;
    if (method === 'POST' && path.startsWith('/api/')) {
      if (bad !== undefined) return sendError(res, 400, `invalid request body: ${bad}`);
      if (body === undefined) return sendError(res, 400, 'missing request body');
    }
    const name = typeof b.model === 'string' && b.model ? b.model : typeof b.name === 'string' ? b.name : '';
    switch (`${method} ${path}`) {
      case 'GET /': case 'HEAD /': return sendText(res, 200, 'Ollama is running');
      case 'GET /api/version': return sendJson(res, 200, { version });
      case 'GET /api/tags': return sendJson(res, 200, { models: [...models].map(tagEntry) });
      case 'GET /api/ps': return sendJson(res, 200, { models: [...loaded].filter((m) => findModel(models, m)).map(psEntry) });
      case 'POST /api/show': {
        const m = findModel(models, name);
        return m ? sendJson(res, 200, showBody(m)) : sendError(res, 404, `model '${name}' not found`);
      }
      case 'DELETE /api/delete': {
        const m = findModel(models, name);
        if (!m) return sendError(res, 404, `model '${name}' not found`);
        models.delete(m);
        loaded.delete(m);
        return sendText(res, 200, '');
      }
      case 'POST /api/chat': return handleChat(chatCtx, '/api/chat', b, res);
      case 'POST /api/generate': return handleChat(chatCtx, '/api/generate', b, res);
      case 'POST /api/embed': return handleEmbed(embedCtx, b, res);
      case 'POST /api/embeddings': {
        if (!findModel(models, name)) return sendError(res, 404, `model "${name}" not found, try pulling it first`);
        return sendJson(res, 200, { embedding: embedVector(typeof b.prompt === 'string' ? b.prompt : '', embedDims) });
      }
      case 'POST /api/pull': return pull(b, res);
      default: return sendText(res, 404, '404 page not found');
    }
  }

  const httpServer = http.createServer((req, res) => {
    res.on('error', () => {});
    route(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, `ollama-test-server: ${err instanceof Error ? err.message : String(err)}`);
      else res.destroy();
    });
  });
  httpServer.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  const closed = new Promise<void>((resolve) => httpServer.once('close', () => resolve()));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;

  const shutdown = () => {
    httpServer.close();
    httpServer.closeAllConnections();
    for (const s of sockets) s.destroy();
  };

  const server: OllamaTestServer = {
    url: `http://127.0.0.1:${port}`,
    calls,
    requests,
    models,
    pullFailAt: opts.pullFailAt,
    embeds,
    respond(fn) { responder = fn; },
    respondEmbed(fn) { embedResponder = fn; },
    embedsInFlight: () => embedOpen,
    maxEmbedsInFlight: () => maxEmbedOpen,
    embedsArrived: (n) => until(() => embeds.length >= n),
    inFlight: () => open,
    idle: () => until(() => open === 0 && embedOpen === 0),
    arrived: (n) => until(() => calls.length >= n),
    maxInFlight: () => maxOpen,
    reset() { calls.length = 0; embeds.length = 0; requests.length = 0; nextIndex = 0; maxOpen = open; maxEmbedOpen = embedOpen; },
    kill: shutdown,
    async close() { shutdown(); await closed; },
  };
  return server;
}
