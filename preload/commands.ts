/**
 * The command half of `window.delve`, derived from the registry: one function per command, each a
 * single invoke on the command's channel. The preload (index.ts) passes ipcRenderer.invoke; the
 * registry round-trip test (main/ipc/registry.test.ts) passes its own in-process invoke.
 */
import { CHANNELS, COMMANDS, type DelveApi } from './contract.js';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
export type CommandFunctions = Omit<DelveApi, 'on' | 'indexDropped'>;

export function commandFunctions(invoke: Invoke): CommandFunctions {
  return Object.fromEntries(COMMANDS.map((name) => [name, (...args: unknown[]) => invoke(CHANNELS[name], ...args)])) as CommandFunctions;
}
