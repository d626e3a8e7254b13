/** Small node:http helpers for the Ollama test server. */
import type * as http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Ollama's error shape: `{"error": "…"}`. */
export function sendError(res: http.ServerResponse, status: number, error: string): void {
  sendJson(res, status, { error });
}

export function sendText(res: http.ServerResponse, status: number, text: string): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export function startNdjson(res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
}

/** Write one NDJSON line; false when the connection is gone. */
export function writeLine(res: http.ServerResponse, body: unknown): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => res.write(`${JSON.stringify(body)}\n`, (err) => resolve(!err)));
}

/** Sleep `ms`; resolves false (early) if `signal` aborts. */
export async function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** An AbortSignal that fires when the client goes away before the response finished. */
export function disconnectSignal(res: http.ServerResponse): AbortSignal {
  const ac = new AbortController();
  res.on('close', () => { if (!res.writableFinished) ac.abort(); });
  return ac.signal;
}
