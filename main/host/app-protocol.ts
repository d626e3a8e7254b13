/**
 * Serves the built renderer (renderer/dist) at app://delve/ instead of file://, so the page has a
 * real origin of its own ('self' in the CSP, the IPC sender check) and cannot read other local
 * files. resolveAppFile (app-url.ts) refuses anything outside the renderer folder.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, resolveAppFile } from './app-url.js';
import { CSP } from './csp.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Must run after the app is ready, before the window loads. */
export function serveApp(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405 });
    const file = resolveAppFile(rendererRoot, request.url);
    if (file === null) return new Response('not found', { status: 404 });
    let res: Response;
    try {
      res = await net.fetch(pathToFileURL(file).toString());
    } catch {
      return new Response('not found', { status: 404 });
    }
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}
