/**
 * The browser test bridge: the built renderer served by Vite's preview server, with `window.delve`
 * bound to the real engine through the SAME handler map and checks as the Electron IPC layer
 * (main/ipc/handlers.ts behind the channel table of main/ipc/channels.ts), the engine service running in this
 * process through the same dispatcher as the utility process. Dialogs are scripted by the test:
 * `pickFolders` answers what `nextFolders` holds, `pickReferenceFile` what `nextFile` holds, `pickModelFolder` the first of `nextFolders`, `saveExport` and `saveUserData` write into `exportDir`.
 */
import { join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { preview, type Plugin, type PreviewServer } from 'vite';
import { CHANNELS, type CommandArgs, type CommandName } from '../../../preload/contract.js';
import { createDispatcher } from '../../../main/host/engine-dispatch.js';
import type { EngineCalls, EngineEvent, EngineMethod, EngineServerConfig } from '../../../main/host/engine-protocol.js';
import { createEngineService } from '../../../main/host/service/index.js';
import { CodedError } from '../../../main/ipc/envelope.js';
import { channelHandlers } from '../../../main/ipc/channels.js';
import type { Handler } from '../../../main/ipc/handler.js';
import { createHandlers } from '../../../main/ipc/handlers.js';
import { REPO_ROOT } from '../../helpers/shared.js';
import { shimScript } from './shim.js';
import { decode, encode } from './wire.js';

export interface BridgeOptions {
  dataDir: string;
  /** Where `saveExport` and `saveUserData` write and dropped file names resolve. */
  exportDir: string;
  dropDir?: string;
  /** The better-sqlite3 binding the engine is told to load, as the Electron host passes it. */
  nativeBinding?: string;
}

export interface Bridge {
  url: string;
  /** What the next pickFolders answers. */
  nextFolders: string[];
  /** What the next pickReferenceFile answers (null: cancelled). */
  nextFile: string | null;
  /** URLs the page asked to open in the browser. */
  opened: string[];
  /** Engine events sent to the page. */
  events: EngineEvent[];
  /** Calls a command as the page would (through the checks). */
  call<N extends CommandName>(name: N, ...args: CommandArgs<N>): Promise<unknown>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => { s += c; });
    req.on('end', () => ok(s));
    req.on('error', fail);
  });
}

export async function startBridge(o: BridgeOptions): Promise<Bridge> {
  const clients = new Set<ServerResponse>();
  const events: EngineEvent[] = [];
  const config: EngineServerConfig = { dataDir: o.dataDir, dbPath: join(o.dataDir, 'delve.db'), catalogDir: join(REPO_ROOT, 'models'), ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}) };
  const emit = (e: EngineEvent) => {
    events.push(e);
    const line = `data: ${encode({ name: e.name, payload: e.payload })}\n\n`;
    for (const c of clients) c.write(line);
  };
  const service = createEngineService({ config, emit });
  const dispatch = createDispatcher(service);
  let nextId = 1;
  const engine = {
    async call<N extends EngineMethod>(name: N, args: EngineCalls[N]['args']): Promise<EngineCalls[N]['result']> {
      const answer = await dispatch({ id: nextId++, name, args });
      if (!answer) throw new CodedError('INTERNAL', 'no answer');
      if (!answer.ok) throw new CodedError(answer.error.code, answer.error.message);
      return answer.data as EngineCalls[N]['result'];
    },
  };
  const state = { nextFolders: [] as string[], nextFile: [] as string[], opened: [] as string[] };
  const handlers = createHandlers({
    engine,
    pickFolders: async () => state.nextFolders.splice(0),
    pickReferenceFile: async () => state.nextFile.splice(0)[0] ?? null,
    pickModelFolder: async () => state.nextFolders.splice(0)[0] ?? null,
    pickSavePath: async (name) => join(o.exportDir, name),
    mcpSetup: () => ({ cli: join(REPO_ROOT, 'bin', 'delve.js'), dbPath: config.dbPath }),
    openExternal: async (url) => { state.opened.push(url); },
  });
  let origin = '';
  let wrapped = new Map<string, Handler<unknown>>();
  const sender = () => ({ senderFrame: { url: `${origin}/`, parent: null } });
  const html = (await readFile(join(REPO_ROOT, 'renderer', 'dist', 'index.html'), 'utf8'))
    .replace('<head>', '<head>\n    <script src="/__delve/shim.js"></script>');

  const plugin: Plugin = {
    name: 'delve-test-bridge',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '/';
        if (req.method === 'GET' && (url === '/' || url.startsWith('/index.html') || url.startsWith('/?'))) {
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(html);
          return;
        }
        if (url === '/__delve/shim.js') {
          res.setHeader('content-type', 'text/javascript; charset=utf-8');
          res.end(shimScript());
          return;
        }
        if (url === '/__delve/events') {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
          res.write(': ok\n\n');
          clients.add(res);
          req.on('close', () => clients.delete(res));
          return;
        }
        const m = /^\/__delve\/call\/(\w+)$/.exec(url);
        if (m && req.method === 'POST') {
          const handler = wrapped.get(`delve:${m[1]!}`);
          void readBody(req).then(async (body) => {
            const args = handler ? (decode(body) as unknown[]) : [];
            const result = handler ? await handler(sender(), ...args) : { ok: false, error: { code: 'BAD_ARGUMENT', message: `unknown command ${m[1]}` } };
            res.setHeader('content-type', 'application/json');
            res.end(encode(result));
          });
          return;
        }
        next();
      });
    },
  };

  const server: PreviewServer = await preview({
    configFile: join(REPO_ROOT, 'renderer', 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    plugins: [plugin],
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('the preview server has no port');
  origin = `http://127.0.0.1:${address.port}`;
  wrapped = channelHandlers({ protocol: 'http:', host: new URL(origin).host }, {
    ...handlers,
    // A browser File has no path: dropped names resolve against the drop folder.
    indexDropped: (paths) => handlers.indexDropped(paths.map((p) => resolve(o.dropDir ?? o.exportDir, p))),
  });

  return {
    url: `${origin}/`,
    get nextFolders() { return state.nextFolders; },
    set nextFolders(v: string[]) { state.nextFolders = v; },
    get nextFile() { return state.nextFile[0] ?? null; },
    set nextFile(v: string | null) { state.nextFile = v === null ? [] : [v]; },
    opened: state.opened,
    events,
    async call(name, ...args) {
      return wrapped.get(CHANNELS[name])!(sender(), ...args);
    },
    async close() {
      for (const c of clients) c.end();
      await server.close();
      await service.close();
    },
  };
}
