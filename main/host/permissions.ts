/**
 * Which web permissions the app's session grants: exactly one, 'clipboard-sanitized-write'
 * (navigator.clipboard.writeText after a click, the PubMed "Copy" buttons), and only to the app's
 * own top frame (app://delve). Every other permission, every other origin and every device request
 * is refused. installPermissionHandlers wires the rule into a session; both take structural types,
 * so this file imports nothing from electron and is tested in permissions.test.ts.
 */
import { isAppUrl } from './app-url.js';

export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export interface PermissionAsk {
  permission: string;
  /** The URL (or origin) of the frame asking. */
  requestingUrl: string | undefined;
  isMainFrame: boolean | undefined;
  /** The URL of the web contents the frame is in. */
  contentsUrl: string | undefined;
}

export function permissionAllowed(ask: PermissionAsk): boolean {
  return GRANTED_PERMISSIONS.has(ask.permission)
    && ask.isMainFrame === true
    && isAppUrl(ask.requestingUrl ?? '')
    && isAppUrl(ask.contentsUrl ?? '');
}

interface ContentsLike { getURL(): string }
type RequestHandler = (contents: ContentsLike, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string; isMainFrame?: boolean }) => void;
type CheckHandler = (contents: ContentsLike | null, permission: string, requestingOrigin: string, details: { requestingUrl?: string; isMainFrame?: boolean }) => boolean;

export interface PermissionSession {
  setPermissionRequestHandler(handler: RequestHandler): void;
  setPermissionCheckHandler(handler: CheckHandler): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export function installPermissionHandlers(ses: PermissionSession): void {
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(permissionAllowed({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, contentsUrl: contents.getURL() }));
  });
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    permissionAllowed({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame, contentsUrl: contents?.getURL() }));
  ses.setDevicePermissionHandler(() => false);
}
