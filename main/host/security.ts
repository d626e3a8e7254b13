/**
 * Hardening for every web contents and the default session: no webviews, no navigation away from
 * the app in any frame, no new windows (allow-listed https links open in the system browser), every
 * permission and device request denied but clipboard writes by the app's own frame
 * (permissions.ts), and a strict Content-Security-Policy on responses (csp.ts). The URL rules are
 * in app-url.ts; `node scripts/electronegativity.mjs` checks the whole app against them.
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import { isAllowedExternal, isAppUrl } from './app-url.js';
import { CSP } from './csp.js';
import { installPermissionHandlers } from './permissions.js';

export function hardenSession(ses: Session): void {
  installPermissionHandlers(ses);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // Also subframes (will-navigate is the main frame's only).
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Call once, before the first window. */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  hardenSession(session.defaultSession);
}
