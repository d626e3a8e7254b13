/**
 * Entry point of the engine's Electron utility process (forked by engineProcess.ts): opens the
 * engine on first use with the Electron build of better-sqlite3, answers requests from the main
 * process and forwards index progress. It never imports electron: a utility process talks to its
 * parent through `process.parentPort`, typed loosely here.
 */
import { existsSync } from 'node:fs';
import type { Engine } from '../engine/api.js';
import { EngineError } from '../engine/errors.js';
import { createEngine } from '../engine/index.js';
import { createDispatcher } from './engineDispatch.js';
import { isEngineRequest, parseConfigArg } from './engineProtocol.js';

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!port) {
  console.error('engineServer runs inside an Electron utility process (process.parentPort is missing)');
  process.exit(1);
}
const config = parseConfigArg(process.argv);

let opening: Promise<Engine> | null = null;
let opened: Engine | null = null;

async function open(): Promise<Engine> {
  if (!config) throw new EngineError('INTERNAL', 'the engine process was started without its configuration');
  if (config.nativeBinding !== undefined && !existsSync(config.nativeBinding)) {
    throw new EngineError(
      'DB_OPEN_FAILED',
      `better-sqlite3 has no Electron build at ${config.nativeBinding}; run "npm run rebuild:electron" (needs network) and restart Delve`,
    );
  }
  opened = await createEngine(config);
  return opened;
}

/** Opens once; a failed open is retried on the next request (e.g. after a rebuild). */
function getEngine(): Promise<Engine> {
  opening ??= open().catch((err: unknown) => {
    opening = null;
    throw err;
  });
  return opening;
}

const dispatch = createDispatcher({
  getEngine,
  emit: (event) => port.postMessage(event),
  close: () => opened?.close(),
});

port.on('message', (e) => {
  void dispatch(e.data).then((answer) => {
    if (answer) port.postMessage(answer);
    if (isEngineRequest(e.data) && e.data.name === 'close') setImmediate(() => process.exit(0));
  });
});

