/**
 * One HTTP(S) GET with node:http/node:https: follows redirects (the hub answers `resolve/` URLs with
 * a redirect to its CDN), goes through the environment's proxy (proxy.ts), and times out when the
 * connection stays idle (while waiting for headers and while the body streams).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP } from 'node:net';
import * as tls from 'node:tls';
import { EngineError } from '../errors.js';
import { connectTunnel, proxyAuth, proxyFor, type Env } from './proxy.js';

export interface HttpOptions {
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read; default process.env. */
  env?: Env;
  /** Idle timeout in ms (no bytes for this long fails the attempt); default 30 s. */
  timeoutMs?: number;
  /** Extra trusted certificate authorities (PEM), e.g. a company mirror's; default Node's list. */
  ca?: string | Buffer | Array<string | Buffer>;
  signal?: AbortSignal;
}

export interface HttpResponse {
  res: http.IncomingMessage;
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
    if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return { res, url: target };
    res.resume();
    if (hop === MAX_REDIRECTS) throw new EngineError('DOWNLOAD_FAILED', `${url}: more than ${MAX_REDIRECTS} redirects`);
    target = new URL(location, target);
  }
}

async function getOnce(target: URL, headers: Record<string, string>, o: HttpOptions): Promise<http.IncomingMessage> {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new EngineError('BAD_ARGUMENT', `${target.href}: only http:// and https:// URLs can be downloaded`);
  }
  const timeoutMs = o.timeoutMs ?? 30_000;
  const all = { 'user-agent': 'Delve-model-manager', ...headers };
  const proxy = proxyFor(target, o.env ?? process.env);
  let req: http.ClientRequest;
  if (!proxy) {
    req = target.protocol === 'https:'
      ? https.request(target, { headers: all, ca: o.ca, signal: o.signal })
      : http.request(target, { headers: all, signal: o.signal });
  } else if (target.protocol === 'http:') {
    // Plain HTTP through a proxy: the request line carries the absolute URL.
    req = http.request({
      host: proxy.hostname, port: Number(proxy.port || 80), path: target.href,
      headers: { ...all, host: target.host, ...proxyAuth(proxy) }, signal: o.signal,
    });
  } else {
    const socket = await connectTunnel(proxy, target, { signal: o.signal, timeoutMs });
    req = https.request(target, {
      headers: { ...all, host: target.host }, signal: o.signal, defaultPort: 443,
      createConnection: () => tls.connect({ socket, host: target.hostname, servername: isIP(target.hostname) ? undefined : target.hostname, ca: o.ca }),
    });
  }
  return new Promise((resolve, reject) => {
    let res: http.IncomingMessage | undefined;
    req.setTimeout(timeoutMs, () => {
      const e = Object.assign(new Error(`no data from ${target.host} for ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
      res?.destroy(e); // a stall while the body streams: the body's reader sees this error, not a bare "aborted"
      req.destroy(e);
    });
    req.once('response', (r) => resolve((res = r)));
    req.once('error', reject);
    req.end();
  });
}
