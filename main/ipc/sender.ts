/**
 * Who may call an IPC command: only the app's own main frame. Takes the event's shape as a
 * parameter (no electron import) so it is unit-tested under plain Node in sender.test.ts.
 */

/** The part of Electron's WebFrameMain the check reads. */
export interface SenderFrameLike {
  url: string;
  /** null for a main frame; a frame object for an iframe. */
  parent: unknown;
}

/** The part of Electron's IpcMainInvokeEvent the check reads. */
export interface SenderEventLike {
  senderFrame?: SenderFrameLike | null;
}

/** The app's own origin, compared as parsed protocol and host (custom schemes have origin "null"). */
export interface AppOrigin {
  protocol: string;
  host: string;
}

/** Why a sender is refused, or null when it is trusted. */
export function senderProblem(event: SenderEventLike, app: AppOrigin): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'only the main frame may call the app';
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return 'the sending frame has no valid URL';
  }
  if (url.protocol !== app.protocol || url.host !== app.host) return `${url.protocol}//${url.host} is not the app`;
  return null;
}

export function isTrustedSender(event: SenderEventLike, app: AppOrigin): boolean {
  return senderProblem(event, app) === null;
}
