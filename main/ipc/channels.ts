/**
 * The channel table: every registry command's channel mapped to its handler-map body behind the
 * checks of handler.ts (the app's own main frame only, arguments validated by the command's
 * registry schema, errors as data). Without electron: commands.ts registers each entry with
 * ipcMain, the browser test bridge serves them over HTTP, registry.test.ts calls them directly.
 * A channel not in the table has no handler: the call is refused.
 */
import { CHANNELS } from '../../preload/contract.js';
import { makeHandler, type Handler } from './handler.js';
import type { Handlers } from './handlers.js';
import { argsSchema, COMMANDS, type CommandName } from './registry.js';
import type { AppOrigin } from './sender.js';

export function channelHandlers(app: AppOrigin, handlers: Handlers): Map<string, Handler<unknown>> {
  const table = new Map<string, Handler<unknown>>();
  const add = <N extends CommandName>(name: N) =>
    table.set(CHANNELS[name], makeHandler(app, argsSchema(name), handlers[name]) as Handler<unknown>);
  for (const name of COMMANDS) add(name);
  return table;
}
