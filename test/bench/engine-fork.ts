/**
 * The desktop host's split without Electron: dist/main/host/engine-server.js in a child process
 * (through engine-child.ts, which provides process.parentPort), driven by the host's own
 * EngineClient, with its events relayed to a fake window that serializes each payload the way
 * webContents.send would have to (JSON.stringify here). Used by responsiveness.bench.ts.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EVENT_CHANNELS } from '../../preload/contract.js';
import { EngineClient } from '../../main/host/engine-client.js';
import { configArg, type EngineEvent, type EngineServerConfig } from '../../main/host/engine-protocol.js';

export interface RelayedEvents {
  count: number;
  bytes: number;
  byName: Record<string, number>;
}

export interface ForkedEngine {
  client: EngineClient;
  events: RelayedEvents;
  /** Asks the engine to close its database and waits for the process to end (kills it after 10 s). */
  stop(): Promise<number | null>;
}

const CHILD = fileURLToPath(new URL('./engine-child.js', import.meta.url));

export function forkEngine(config: EngineServerConfig): ForkedEngine {
  const child = fork(CHILD, [configArg(config)], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const events: RelayedEvents = { count: 0, bytes: 0, byName: {} };
  const window = {
    send(channel: string, payload: unknown) {
      events.bytes += channel.length + JSON.stringify(payload).length;
    },
  };
  const onEvent = (event: EngineEvent) => {
    events.count++;
    events.byName[event.name] = (events.byName[event.name] ?? 0) + 1;
    const channel = EVENT_CHANNELS[event.name];
    if (channel !== undefined) window.send(channel, event.payload);
  };
  const port = {
    postMessage(m: unknown) {
      if (!child.connected) throw new Error('the engine process has exited');
      child.send(m as object);
    },
  };
  const client = new EngineClient(port, onEvent);
  child.on('message', (m) => client.receive(m));
  // A send after the process died reports here (the pending call is failed by the exit handler).
  child.on('error', (err) => console.error(`engine process: ${err.message}`));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      client.failAll({ code: 'ENGINE_UNAVAILABLE', message: `the engine process stopped (exit code ${code})` });
      resolve(code);
    });
  });
  return {
    client,
    events,
    async stop() {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      void client.call('close', []).catch(() => undefined);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
