/**
 * The sandboxed preload: exposes `window.delve` (DelveApi from contract.ts) to the renderer through
 * contextBridge. One function per registry command (commands.ts), each a single ipcRenderer.invoke on its channel, and
 * `on(event, cb)` for the contract's events; no Electron objects (events, ipcRenderer) ever reach
 * the page. Bundled to dist/preload/index.cjs by scripts/build-preload.mjs, because a sandboxed
 * preload cannot require local files.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { commandFunctions } from './commands.js';
import { CHANNELS, EVENT_CHANNELS, type DelveApi, type EventName, type Events } from './contract.js';

const commands = commandFunctions((channel, ...args) => ipcRenderer.invoke(channel, ...args));

const api = {
  ...commands,
  indexDropped(files: File[]) {
    const paths = files.map((f) => webUtils.getPathForFile(f)).filter((p) => p !== '');
    return ipcRenderer.invoke(CHANNELS.indexDropped, paths);
  },
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void) {
    const channel = EVENT_CHANNELS[event];
    if (channel === undefined) throw new Error(`unknown event ${String(event)}`);
    const listener = (_e: IpcRendererEvent, payload: Events[E]) => cb(payload);
    ipcRenderer.on(channel, listener);
    return () => {
      ipcRenderer.removeListener(channel, listener);
    };
  },
} satisfies DelveApi;

contextBridge.exposeInMainWorld('delve', api);
