/**
 * The sandboxed preload: exposes `window.delve` (DelveApi from contract.ts) to the renderer through
 * contextBridge. One function per command, each a single ipcRenderer.invoke; no Electron objects
 * (events, ipcRenderer) ever reach the page. Bundled to dist/preload/index.cjs by
 * scripts/build-preload.mjs, because a sandboxed preload cannot require local files.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNELS, type DelveApi, type Events, type IndexProgress } from './contract.js';

const api = {
  index: (paths) => ipcRenderer.invoke(CHANNELS.index, paths),
  status: () => ipcRenderer.invoke(CHANNELS.status),
  search: (query, opts) => ipcRenderer.invoke(CHANNELS.search, query, opts),
  cancelSearch: (searchId) => ipcRenderer.invoke(CHANNELS.cancelSearch, searchId),
  pickFolders: () => ipcRenderer.invoke(CHANNELS.pickFolders),
  onIndexProgress(cb) {
    const listener = (_event: IpcRendererEvent, progress: IndexProgress) => cb(progress);
    ipcRenderer.on(EVENT_CHANNELS['index:progress'], listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNELS['index:progress'], listener);
    };
  },
  onSearchEvent(cb) {
    const listener = (_event: IpcRendererEvent, e: Events['search:event']) => cb(e);
    ipcRenderer.on(EVENT_CHANNELS['search:event'], listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNELS['search:event'], listener);
    };
  },
} satisfies DelveApi;

contextBridge.exposeInMainWorld('delve', api);
