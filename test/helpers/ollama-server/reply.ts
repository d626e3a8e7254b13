/** Turns a ScriptedReply into the bodies real Ollama sends for /api/chat and /api/generate. */
import type { ChatCall, ScriptedLogprob, ScriptedReply } from './types.js';

type Body = Record<string, unknown>;

export interface Output { content: string; thinking?: string; logprobs?: ScriptedLogprob[] }

/** True for think: true | 'low' | 'medium' | 'high' (what makes Ollama split thinking out). */
export const wantsThinking = (think: unknown) => think !== undefined && think !== null && think !== false;

/** Word-ish tokens: runs of word characters (with their leading space), single punctuation, whitespace. */
const tokens = (text: string) => text.match(/\s*\w+|\s*[^\w\s]|\s+/gu) ?? [];

export function resolveOutput(call: ChatCall, reply: ScriptedReply): Output {
  const raw = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.content ?? '');
  const out: Output = { content: raw };
  if (reply.thinking !== undefined) {
    if (wantsThinking(call.think)) out.thinking = reply.thinking;
    else if (reply.thinkInline) out.content = `<think>${reply.thinking}</think>${raw}`;
  }
  if (call.logprobs) {
    const top = call.top_logprobs && call.top_logprobs > 0 ? call.top_logprobs : undefined;
    out.logprobs = reply.logprobs
      ? reply.logprobs.map((lp) => (top && lp.top_logprobs ? { ...lp, top_logprobs: lp.top_logprobs.slice(0, top) } : { ...lp }))
      : tokens(out.content).map((token) => ({ token, logprob: 0, ...(top ? { top_logprobs: [{ token, logprob: 0 }] } : {}) }));
  }
  return out;
}

/** `text` in up to `n` pieces of nearly equal length (never splitting a code point). */
function split(text: string, n = 4): string[] {
  const chars = Array.from(text);
  const k = Math.min(n, chars.length);
  const out: string[] = [];
  for (let i = 0; i < k; i++) out.push(chars.slice(Math.floor((i * chars.length) / k), Math.floor(((i + 1) * chars.length) / k)).join(''));
  return out;
}

interface Piece { content?: string; thinking?: string; logprobs?: ScriptedLogprob[] }

/** The streamed pieces: thinking first, then content (one piece per token when logprobs line up with it). */
function pieces(out: Output): Piece[] {
  const result: Piece[] = (out.thinking ? split(out.thinking) : []).map((thinking) => ({ thinking }));
  const lps = out.logprobs;
  if (lps && lps.length > 0 && lps.map((l) => l.token).join('') === out.content) {
    return [...result, ...lps.map((lp) => ({ content: lp.token, logprobs: [lp] }))];
  }
  const parts = split(out.content).map((content): Piece => ({ content }));
  if (lps && lps.length > 0) {
    if (parts.length === 0) parts.push({ content: '' });
    lps.forEach((lp, i) => { const p = parts[Math.floor((i * parts.length) / lps.length)]!; (p.logprobs ??= []).push(lp); });
  }
  return [...result, ...parts];
}

export interface Stats { promptTokens: number; completionTokens: number; startedNs: bigint }

function statsBody(s: Stats): Body {
  const total = Number(process.hrtime.bigint() - s.startedNs);
  return {
    total_duration: Math.max(total, 1_000),
    load_duration: Math.min(500_000, Math.floor(total / 10)),
    prompt_eval_count: s.promptTokens,
    prompt_eval_duration: s.promptTokens * 20_000,
    eval_count: s.completionTokens,
    eval_duration: s.completionTokens * 1_000_000,
  };
}

function frame(call: ChatCall, p: Piece): Body {
  const head = { model: call.model, created_at: new Date().toISOString() };
  const body: Body = call.path === '/api/chat'
    ? { ...head, message: { role: 'assistant', content: p.content ?? '', ...(p.thinking !== undefined ? { thinking: p.thinking } : {}) } }
    : { ...head, response: p.content ?? '', ...(p.thinking !== undefined ? { thinking: p.thinking } : {}) };
  if (p.logprobs) body.logprobs = p.logprobs;
  return body;
}

function final(call: ChatCall, p: Piece, doneReason: string, stats: Stats): Body {
  return {
    ...frame(call, p),
    done: true,
    done_reason: doneReason,
    ...(call.path === '/api/generate' ? { context: [1, 2, 3] } : {}),
    ...statsBody(stats),
  };
}

/** The NDJSON objects of a streamed reply; the last one has done: true. */
export function streamBodies(call: ChatCall, out: Output, doneReason: string, stats: Stats): (() => Body)[] {
  return [
    ...pieces(out).map((p) => () => ({ ...frame(call, p), done: false })),
    () => final(call, {}, doneReason, stats),
  ];
}

/** The single JSON object of a `stream: false` reply. */
export function wholeBody(call: ChatCall, out: Output, doneReason: string, stats: Stats): Body {
  return final(call, out, doneReason, stats);
}

/** What Ollama answers to an empty prompt / no messages: it just loads the model. */
export function loadBody(call: ChatCall): Body {
  return { ...frame(call, {}), done: true, done_reason: 'load' };
}

/** Rough token count (chars / 4, at least 1). */
export const roughTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));
