/** Public types of the scriptable Ollama test server (see ../ollama-server.ts). */

export interface ChatMessage { role: string; content: string }

/** One /api/chat or /api/generate request, as the responder sees it. */
export interface ChatCall {
  path: '/api/chat' | '/api/generate';
  /** The model name exactly as the request spelled it. */
  model: string;
  /** Chat: the request's messages. Generate: `system` (if any) then `prompt` as a user message. */
  messages: ChatMessage[];
  /** Generate only. */
  prompt?: string;
  /** Generate: the `system` field. Chat: the first system message's content. */
  system?: string;
  format?: unknown;
  options?: Record<string, unknown>;
  think?: unknown;
  logprobs?: boolean;
  top_logprobs?: number;
  /** As the server resolved it: the API streams unless `stream: false`. */
  stream: boolean;
  /** 0-based counter of chat/generate calls since start/reset. */
  index: number;
}

export interface TokenLogprob { token: string; logprob: number }
export interface ScriptedLogprob extends TokenLogprob { top_logprobs?: TokenLogprob[] }

export interface ScriptedReply {
  /** Raw text of the answer (may be malformed on purpose). */
  content?: string;
  /** Alternative to `content`: JSON.stringify'd. Checked against an object `format` (JSON schema): HTTP 500 if it does not conform. */
  json?: unknown;
  /** Sent as message.thinking / thinking when the request asked `think` (true, 'low', …); else inlined if `thinkInline`, else dropped. */
  thinking?: string;
  /** When the request did not ask `think`: prepend `<think>${thinking}</think>` to the content. */
  thinkInline?: boolean;
  /** Sent only when the request has `logprobs: true`; when absent, each token gets logprob 0. */
  logprobs?: ScriptedLogprob[];
  /** Wait this long before the first byte; stops if the client disconnects. */
  delayMs?: number;
  /** Wait between streamed chunks. */
  chunkDelayMs?: number;
  /** An error reply `{"error": …}` with this HTTP status (default 500 when only `error` is set). */
  status?: number;
  error?: string;
  /** Destroy the socket without replying (after `delayMs`). */
  hangUp?: boolean;
  /** Default: ceil(chars / 4). */
  promptTokens?: number;
  completionTokens?: number;
  /** Default 'stop' (real values: 'stop', 'length', 'load'). */
  doneReason?: string;
}

export type Responder = (call: ChatCall) => ScriptedReply | Promise<ScriptedReply>;

/** One /api/embed request, as the embed responder sees it. */
export interface EmbedCall {
  model: string;
  /** The input as a list (a string input becomes one item). */
  input: string[];
  truncate: boolean | undefined;
  dimensions: number | undefined;
  /** 0-based counter of embed calls since start/reset. */
  index: number;
}

/** A scripted /api/embed outcome; {} is the normal reply. A returned promise holds the reply until it settles. */
export interface EmbedReply {
  delayMs?: number;
  /** Sent instead of the computed vectors (a faulty server: a wrong count or size). */
  embeddings?: number[][];
  status?: number;
  error?: string;
  hangUp?: boolean;
}

export type EmbedResponder = (call: EmbedCall) => EmbedReply | Promise<EmbedReply>;

export interface RecordedRequest { method: string; path: string; body: unknown }

export interface OllamaTestServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Every chat/generate call in arrival order. */
  calls: ChatCall[];
  /** Every request. */
  requests: RecordedRequest[];
  /** Replace the responder. */
  respond(fn: Responder): void;
  /** Installed models (mutable). "x" also answers to "x:latest". */
  models: Set<string>;
  /** When set, a pull fails (an `{"error"}` line) after this many progress messages. Mutable. */
  pullFailAt: number | undefined;
  /** Every /api/embed call in arrival order. */
  embeds: EmbedCall[];
  /** Replace the embed responder (default: () => ({})). */
  respondEmbed(fn: EmbedResponder): void;
  /** /api/embed requests open now, and the most open at once since start/reset. */
  embedsInFlight(): number;
  maxEmbedsInFlight(): number;
  /** Resolves once `n` embed calls have arrived since the last reset. */
  embedsArrived(n: number): Promise<void>;
  /** Chat/generate requests currently open. */
  inFlight(): number;
  /** Resolves once no request is open (every connection answered or closed). */
  idle(): Promise<void>;
  /** Resolves once `n` chat calls have arrived since the last reset. */
  arrived(n: number): Promise<void>;
  /** The most chat/generate requests open at once since start/reset. */
  maxInFlight(): number;
  /** Clear calls, embeds, requests, the call indexes and the in-flight maxima. */
  reset(): void;
  /** Destroy every open socket and stop listening (the server process dying mid-request). */
  kill(): void;
  close(): Promise<void>;
}

export interface OllamaServerOptions {
  /** Installed models; default ['qwen3:4b', 'llama3.2:3b']. */
  models?: string[];
  /** /api/version; default '0.12.0'. */
  version?: string;
  /** Default: () => ({ content: 'ok' }). */
  respond?: Responder;
  /** Length of /api/embed vectors; default 8. */
  embedDims?: number;
  /** Context length of embedding models in tokens (≈ 4 characters each); default 2048. */
  embedContextTokens?: number;
  /** See OllamaTestServer.respondEmbed. */
  respondEmbed?: EmbedResponder;
  /** See OllamaTestServer.pullFailAt. */
  pullFailAt?: number;
  /** Delay between pull progress messages; default 0. */
  pullStepMs?: number;
}
