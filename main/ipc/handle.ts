/**
 * Registers one contract command with ipcMain: `handle(name, schema, fn)`. The checks (main frame
 * of the app's own origin, zod-validated arguments, errors as data) live in handler.ts.
 */
import { ipcMain } from 'electron';
import type { z } from 'zod';
import { CHANNELS, type CommandArgs, type CommandName, type CommandResult } from '../../preload/contract.js';
import { APP_ORIGIN } from '../host/appUrl.js';
import { makeHandler } from './handler.js';

export function handle<N extends CommandName>(
  name: N,
  schema: z.ZodType<CommandArgs<N>>,
  fn: (...args: CommandArgs<N>) => CommandResult<N> | Promise<CommandResult<N>>,
): void {
  ipcMain.removeHandler(CHANNELS[name]);
  ipcMain.handle(CHANNELS[name], makeHandler(APP_ORIGIN, schema, fn));
}
