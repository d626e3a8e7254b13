/**
 * The engine's utility process without Electron: run with child_process.fork (IPC channel,
 * `serialization: 'advanced'` for the structured clone a utility process uses), it installs a
 * `process.parentPort` like Electron's — on('message', e => e.data) and postMessage, over
 * process.send — and then loads the real dist/main/host/engine-server.js unchanged. Its argv is
 * engine-server.ts's (the --delve-engine-config= item). Used by responsiveness.bench.ts.
 */
import { EventEmitter } from 'node:events';
import { setPriority } from 'node:os';

if (typeof process.send !== 'function') {
  console.error('engine-child runs under child_process.fork (no IPC channel)');
  process.exit(1);
}
const send = process.send.bind(process);

class ParentPort extends EventEmitter {
  postMessage(message: unknown): void {
    send(message);
  }
}

const port = new ParentPort();
// Like Electron's parentPort, hold messages until someone listens (engine-server.js loads after this).
const queued: unknown[] = [];
let listening = false;
process.on('message', (data: unknown) => {
  if (listening) port.emit('message', { data });
  else queued.push(data);
});
port.on('newListener', (event: string) => {
  if (event !== 'message' || listening) return;
  setImmediate(() => {
    listening = true;
    for (const data of queued.splice(0)) port.emit('message', { data });
  });
});
// The parent going away ends the process, as it does for a utility process.
process.on('disconnect', () => process.exit(0));
(process as unknown as { parentPort: ParentPort }).parentPort = port;

// BENCH_ENGINE_NICE=<n>: run the engine below normal priority (before its worker threads start,
// which inherit it), to measure what that would buy the host; off unless set.
const nice = Number(process.env.BENCH_ENGINE_NICE ?? 0);
if (nice > 0) setPriority(nice);

await import('../../main/host/engine-server.js');
