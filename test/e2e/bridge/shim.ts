/**
 * The page side of the test bridge: a classic script, served at /__delve/shim.js before the app's
 * module, that defines `window.delve` like the preload does — one function per contract command
 * (a POST to /__delve/call/<name>) and `on(event, cb)` over one EventSource — with the same wire
 * encoding as wire.ts. It is the source text of a function, so it is written in plain JavaScript.
 */
import { COMMANDS } from '../../../preload/contract.js';

/** The browser globals the shim uses (the Node build has no DOM types). */
interface PageGlobals {
  EventSource: new (url: string) => { onmessage: ((m: { data: string }) => void) | null };
  delve?: unknown;
}
interface DroppedFile { name: string }

function pageShim(commands: readonly string[]): void {
  const page = globalThis as unknown as PageGlobals;
  const revive = (_k: string, v: unknown): unknown => {
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.__undef === 1) return undefined;
      if (typeof o.__bytes === 'string') return Uint8Array.from(atob(o.__bytes), (c) => c.charCodeAt(0));
    }
    return v;
  };
  const replace = (_k: string, v: unknown): unknown => (v === undefined ? { __undef: 1 } : v);
  const call = async (name: string, args: unknown[]): Promise<unknown> => {
    const res = await fetch(`/__delve/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args, replace) });
    return JSON.parse(await res.text(), revive);
  };
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const events = new page.EventSource('/__delve/events');
  events.onmessage = (m) => {
    const { name, payload } = JSON.parse(m.data, revive) as { name: string; payload: unknown };
    for (const cb of listeners.get(name) ?? []) cb(payload);
  };
  const api: Record<string, unknown> = {};
  for (const name of commands) api[name] = (...args: unknown[]) => call(name, args);
  // A browser File has no path: the bridge resolves dropped names against its drop folder.
  api.indexDropped = (files: DroppedFile[]) => call('indexDropped', [files.map((f) => f.name)]);
  api.on = (event: string, cb: (p: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(cb);
    listeners.set(event, set);
    return () => set.delete(cb);
  };
  page.delve = Object.freeze(api);
}

/** The script's text. */
export function shimScript(): string {
  return `(${pageShim.toString()})(${JSON.stringify(COMMANDS)});\n`;
}
