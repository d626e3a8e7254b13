/**
 * Proxies from the environment, the way curl reads them: `https_proxy`/`HTTPS_PROXY` for https
 * targets, `http_proxy`/`HTTP_PROXY` for http targets, and `no_proxy`/`NO_PROXY` (comma- or
 * space-separated host names, `.domain` suffixes, `host:port`, or `*`) for hosts reached directly.
 * An https target goes through an HTTP CONNECT tunnel; an http target is sent to the proxy whole
 * (net/http.ts builds the undici dispatcher that does either).
 */
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
