/**
 * Registers every registry command with ipcMain: the handler map (handlers.ts) behind the checks
 * of handler.ts, one channel each (channels.ts).
 */
import { ipcMain } from 'electron';
import { APP_ORIGIN } from '../host/app-url.js';
import { channelHandlers } from './channels.js';
import { createHandlers, type HandlerDeps, type Handlers } from './handlers.js';

export function registerCommands(deps: HandlerDeps): Handlers {
  const handlers = createHandlers(deps);
  for (const [channel, handler] of channelHandlers(APP_ORIGIN, handlers)) {
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, handler);
  }
  return handlers;
}
