/**
 * The app's own origin, app://delve, and the URL rules built on it: which URLs are the app (for
 * navigation and IPC sender checks), how an app:// URL maps to a file of the built renderer (with
 * a path-traversal check), and which external links may open in the system browser.
 * Plain Node: no electron import, tested in app-url.test.ts.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'delve';
export const APP_ORIGIN = { protocol: `${APP_SCHEME}:`, host: APP_HOST } as const;
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Hosts whose https links open in the system browser; everything else is dropped. */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['pubmed.ncbi.nlm.nih.gov', 'www.ncbi.nlm.nih.gov', 'pmc.ncbi.nlm.nih.gov', 'doi.org', 'dx.doi.org']);

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppUrl(url: string): boolean {
  const u = parseUrl(url);
  return u !== null && u.protocol === APP_ORIGIN.protocol && u.host === APP_ORIGIN.host;
}

/** https, an allow-listed host, default port, no credentials. */
export function isAllowedExternal(url: string): boolean {
  const u = parseUrl(url);
  return u !== null && u.protocol === 'https:' && EXTERNAL_HOSTS.has(u.hostname) && u.port === '' && u.username === '' && u.password === '';
}

/**
 * The file under `root` that an app:// URL names ("/" is index.html), or null when the URL is not
 * the app's or would leave `root` (../, encoded separators, NUL bytes, absolute paths).
 */
export function resolveAppFile(root: string, url: string): string | null {
  const u = parseUrl(url);
  if (u === null || u.protocol !== APP_ORIGIN.protocol || u.host !== APP_ORIGIN.host) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path === '' || path === '/') path = '/index.html';
  const base = resolve(root);
  const file = resolve(base, '.' + path);
  const rel = relative(base, file);
  if (rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..') return null;
  return file;
}
