/**
 * Registers every contract command with ipcMain: the handler map (handlers.ts) behind the checks
 * of handler.ts (app main frame only, zod-validated arguments, errors as data).
 */
import type { z } from 'zod';
import { COMMANDS, type CommandArgs, type CommandName } from '../../preload/contract.js';
import { handle } from './handle.js';
import { createHandlers, type HandlerDeps, type Handlers } from './handlers.js';
import { schemas } from './schemas.js';

export function registerCommands(deps: HandlerDeps): Handlers {
  const handlers = createHandlers(deps);
  const register = <N extends CommandName>(name: N) => handle(name, schemas[name] as unknown as z.ZodType<CommandArgs<N>>, handlers[name]);
  for (const name of COMMANDS) register(name);
  return handlers;
}
