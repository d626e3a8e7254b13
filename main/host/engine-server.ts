/**
 * Entry point of the engine's Electron utility process (forked by engine-process.ts): serves the
 * engine service (main/host/service) to the main process, one answer per request, events (index
 * progress, search stages, downloads) as they happen. It never imports electron: a utility process
 * talks to its parent through `process.parentPort`, typed loosely here.
 */
import { EngineError } from '../engine/errors.js';
import { createDispatcher } from './engine-dispatch.js';
import { isEngineRequest, parseConfigArg, type EngineService } from './engine-protocol.js';
import { createEngineService } from './service/index.js';

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!port) {
  console.error('engine-server.js runs inside an Electron utility process (process.parentPort is missing)');
  process.exit(1);
}
const config = parseConfigArg(process.argv);

/** Without its configuration the process still answers, each call with the reason. */
const unconfigured = new Proxy({} as EngineService, {
  get: (_t, name) => (name === 'close'
    ? async () => null
    : async () => { throw new EngineError('INTERNAL', 'the engine process was started without its configuration'); }),
});

const service = config ? createEngineService({ config, emit: (event) => port.postMessage(event) }) : unconfigured;
const dispatch = createDispatcher(service);

port.on('message', (e) => {
  void dispatch(e.data).then((answer) => {
    if (answer) port.postMessage(answer);
    if (isEngineRequest(e.data) && e.data.name === 'close') setImmediate(() => process.exit(0));
  });
});
