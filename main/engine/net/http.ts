/**
 * The one HTTP client of the engine, on undici: every outgoing request (model downloads, NCBI
 * E-utilities, Ollama, and later ClinicalTrials.gov) goes through a dispatcher chosen from the
 * environment's proxy settings the way curl reads them (net/proxy.ts: HTTPS_PROXY / HTTP_PROXY /
 * NO_PROXY, lower or upper case): an https target through an HTTP CONNECT tunnel, an http target
 * sent to the proxy whole, anything NO_PROXY names directly.
 *
 *  - `httpFetch`: fetch() through that dispatcher (E-utilities, Ollama).
 *  - `httpGet`: one streamed GET for downloads: redirects followed, an idle timeout (no bytes for
 *    `timeoutMs`, while waiting for headers or while the body streams), extra trusted CAs.
 */
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { EngineError } from '../errors.js';
import { proxyFor, type Env } from './proxy.js';

export type { Env };

export interface DispatcherOptions {
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read; default process.env. */
  env?: Env;
  /** Extra trusted certificate authorities (PEM), e.g. a company mirror's; default Node's list. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Loopback hosts (a local Ollama) are always reached directly: no proxy can reach them. */
  directLoopback?: boolean;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

/** The proxy for `target` under these options, or null for a direct connection. */
export function proxyOf(target: URL, o: DispatcherOptions = {}): URL | null {
  if (o.directLoopback && LOOPBACK.test(target.hostname)) return null;
  return proxyFor(target, o.env ?? process.env);
}

type Undici = typeof import('undici');
let undici: Promise<Undici> | null = null;
/** undici is loaded at the first request: a command that never goes online (a search) does not pay for it. */
const loadUndici = (): Promise<Undici> => (undici ??= import('undici'));

/** A new dispatcher for `target` (close it when done): a ProxyAgent or a direct Agent. */
async function dispatcherFor(target: URL, o: DispatcherOptions = {}): Promise<Dispatcher> {
  const { Agent, ProxyAgent } = await loadUndici();
  const proxy = proxyOf(target, o);
  const tls = o.ca !== undefined ? { ca: o.ca } : {};
  if (!proxy) return new Agent({ connect: tls });
  return new ProxyAgent({ uri: proxy.href, requestTls: tls, proxyTunnel: target.protocol === 'https:' });
}

/** Dispatchers kept for fetch, one per proxy (or direct): connections are reused across calls. */
const shared = new Map<string, Promise<Dispatcher>>();

function sharedDispatcher(target: URL, o: DispatcherOptions): Promise<Dispatcher> {
  const proxy = proxyOf(target, o);
  const key = `${proxy?.href ?? 'direct'}|${target.protocol}`;
  let d = shared.get(key);
  if (!d) shared.set(key, (d = dispatcherFor(target, o)));
  return d;
}

/** fetch() through the environment's proxy (read at each call). */
export function createFetch(o: DispatcherOptions = {}): typeof globalThis.fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const [{ fetch: undiciFetch }, dispatcher] = await Promise.all([loadUndici(), sharedDispatcher(url, o)]);
    return undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]), dispatcher,
    });
  }) as unknown as typeof globalThis.fetch;
}

/** fetch() for remote services (E-utilities, ClinicalTrials.gov). */
export const httpFetch = createFetch();

export interface HttpOptions extends DispatcherOptions {
  /** Idle timeout in ms (no bytes for this long fails the attempt); default 30 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A response as the downloader reads it: status, headers, and the body as a stream. */
export type HttpBody = Readable & { statusCode: number; statusMessage: string; headers: IncomingHttpHeaders };

export interface HttpResponse {
  res: HttpBody;
  /** The URL that answered, after redirects. */
  url: URL;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

export async function httpGet(url: string, headers: Record<string, string>, o: HttpOptions = {}): Promise<HttpResponse> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new EngineError('BAD_ARGUMENT', `"${url}" is not a URL (is the hub base URL set correctly?)`);
  }
  for (let hop = 0; ; hop++) {
    const res = await getOnce(target, headers, o);
    const location = res.headers.location;
    if (!REDIRECTS.has(res.statusCode) || typeof location !== 'string') return { res, url: target };
    res.resume();
    if (hop === MAX_REDIRECTS) throw new EngineError('DOWNLOAD_FAILED', `${url}: more than ${MAX_REDIRECTS} redirects`);
    target = new URL(location, target);
  }
}

async function getOnce(target: URL, headers: Record<string, string>, o: HttpOptions): Promise<HttpBody> {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new EngineError('BAD_ARGUMENT', `${target.href}: only http:// and https:// URLs can be downloaded`);
  }
  const timeoutMs = o.timeoutMs ?? 30_000;
  const proxy = proxyOf(target, o);
  const [{ request }, dispatcher] = await Promise.all([loadUndici(), dispatcherFor(target, o)]);
  const idle = () => Object.assign(new Error(`no data from ${target.host} for ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
  let r: Dispatcher.ResponseData;
  try {
    r = await request(target, {
      method: 'GET', dispatcher, headersTimeout: timeoutMs, bodyTimeout: timeoutMs,
      headers: { 'user-agent': 'Delve-model-manager', ...headers },
      ...(o.signal ? { signal: o.signal } : {}),
    });
  } catch (err) {
    void dispatcher.destroy().catch(() => undefined);
    throw requestError(err, target, proxy, idle);
  }
  const body = Object.assign(new PassThrough(), {
    statusCode: r.statusCode,
    statusMessage: STATUS_CODES[r.statusCode] ?? '',
    headers: r.headers as IncomingHttpHeaders,
  });
  // The idle timeout while the body streams: no chunk for timeoutMs fails the download.
  const watchdog = setTimeout(() => body.destroy(idle()), timeoutMs);
  r.body.on('data', () => watchdog.refresh());
  r.body.on('error', (err) => body.destroy(timedOut(err) ? idle() : err));
  body.on('close', () => {
    clearTimeout(watchdog);
    r.body.destroy();
    void dispatcher.destroy().catch(() => undefined);
  });
  r.body.on('end', () => clearTimeout(watchdog));
  r.body.pipe(body);
  return body;
}

const code = (err: unknown): string => String((err as { code?: unknown })?.code ?? '');
const timedOut = (err: unknown) => /UND_ERR_(HEADERS|BODY|CONNECT)_TIMEOUT/.test(code(err));

/** undici's errors in the words (and codes) the downloader reports and classifies. */
function requestError(err: unknown, target: URL, proxy: URL | null, idle: () => Error): unknown {
  if (timedOut(err)) return idle();
  const refused = /Proxy response \((\d+)\)/.exec((err as Error)?.message ?? '');
  if (refused && proxy) {
    const status = Number(refused[1]);
    return Object.assign(new EngineError('DOWNLOAD_FAILED', `proxy ${proxy.host} refused the tunnel to ${target.host}: HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim()), { status });
  }
  // A TLS failure inside the tunnel comes back wrapped: surface the error that has the code.
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && !e.code.startsWith('UND_ERR')) return e;
  }
  return err;
}
