/**
 * Proxies from the environment, the way curl reads them: `https_proxy`/`HTTPS_PROXY` for https
 * targets, `http_proxy`/`HTTP_PROXY` for http targets, and `no_proxy`/`NO_PROXY` (comma- or
 * space-separated host names, `.domain` suffixes, `host:port`, or `*`) for hosts reached directly.
 * An https target goes through an HTTP CONNECT tunnel; an http target is sent to the proxy whole.
 */
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { EngineError } from '../errors.js';

export type Env = Record<string, string | undefined>;

function envVar(env: Env, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v && v.trim() ? v.trim() : undefined;
}

function defaultPort(u: URL): string {
  return u.port || (u.protocol === 'https:' ? '443' : '80');
}

/** True when `target` must not use a proxy according to NO_PROXY. */
export function bypassesProxy(target: URL, env: Env): boolean {
  const list = envVar(env, 'no_proxy');
  if (!list) return false;
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = defaultPort(target);
  for (const raw of list.split(/[\s,]+/)) {
    let entry = raw.toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: string | undefined;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry); // [::1]:8080
    if (bracketed) [entry, entryPort] = [bracketed[1]!, bracketed[2]];
    else if (entry.split(':').length === 2) [entry, entryPort] = entry.split(':') as [string, string];
    if (entryPort && entryPort !== port) continue;
    const bare = entry.replace(/^\*?\./, '');
    if (host === bare || host.endsWith('.' + bare)) return true;
  }
  return false;
}

/** The proxy to use for `target`, or null to connect directly. */
export function proxyFor(target: URL, env: Env): URL | null {
  const raw = envVar(env, target.protocol === 'https:' ? 'https_proxy' : 'http_proxy');
  if (!raw || bypassesProxy(target, env)) return null;
  let proxy: URL;
  try {
    proxy = new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    throw new EngineError('BAD_ARGUMENT', `the proxy setting "${raw}" is not a URL`);
  }
  if (proxy.protocol !== 'http:') throw new EngineError('BAD_ARGUMENT', `proxy ${proxy.origin}: only http:// proxies are supported`);
  return proxy;
}

/** `Proxy-Authorization` for a proxy URL with user:password, else nothing. */
export function proxyAuth(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const creds = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(creds).toString('base64')}` };
}

/** Opens a CONNECT tunnel through `proxy` to `target`'s host and port; resolves with the raw socket. */
export function connectTunnel(proxy: URL, target: URL, opts: { signal?: AbortSignal; timeoutMs: number }): Promise<Socket> {
  const authority = `${target.hostname.includes(':') ? `[${target.hostname}]` : target.hostname}:${defaultPort(target)}`;
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: proxy.hostname, port: Number(defaultPort(proxy)), method: 'CONNECT', path: authority,
      headers: { host: authority, ...proxyAuth(proxy) }, signal: opts.signal,
    });
    req.setTimeout(opts.timeoutMs, () => req.destroy(Object.assign(new Error(`proxy ${proxy.host} did not answer within ${opts.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.once('connect', (res, socket) => {
      req.setTimeout(0);
      if (res.statusCode === 200) { resolve(socket); return; }
      socket.destroy();
      const status = res.statusCode ?? 0;
      reject(Object.assign(new EngineError('DOWNLOAD_FAILED', `proxy ${proxy.host} refused the tunnel to ${authority}: HTTP ${status} ${res.statusMessage ?? ''}`.trim()), { status }));
    });
    req.once('error', reject);
    req.end();
  });
}
