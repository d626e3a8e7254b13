/**
 * Runs the engine off the main loop: forks dist/main/host/engine-server.js as an Electron utility
 * process on first use, sends it requests through EngineClient and restarts it on the next call
 * after it exits. stop() asks it to close the database and waits for it (killing it after a delay).
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import { CodedError } from '../ipc/envelope.js';
import { EngineClient } from './engine-client.js';
import { configArg, type EngineCalls, type EngineEvent, type EngineMethod, type EngineServerConfig } from './engine-protocol.js';

export interface EngineProcessOptions {
  /** Absolute path of the compiled engine-server.js. */
  modulePath: string;
  config: EngineServerConfig;
  onEvent(event: EngineEvent): void;
}

const STOP_TIMEOUT_MS = 5000;

interface Running {
  child: UtilityProcess;
  /** Resolves once the process has spawned: UtilityProcess drops messages posted before that. */
  ready: Promise<EngineClient>;
  exited: Promise<void>;
}

export class EngineProcess {
  private running: Running | null = null;

  constructor(private readonly opts: EngineProcessOptions) {}

  async call<N extends EngineMethod>(name: N, args: EngineCalls[N]['args']): Promise<EngineCalls[N]['result']> {
    const client = await this.start().ready;
    return client.call(name, args);
  }

  /** Closes the engine and ends the process; resolves once it has exited. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    const timer = setTimeout(() => running.child.kill(), STOP_TIMEOUT_MS);
    void running.ready.then((client) => client.call('close', [])).catch(() => undefined);
    await running.exited;
    clearTimeout(timer);
  }

  private start(): Running {
    if (this.running) return this.running;
    const child = utilityProcess.fork(this.opts.modulePath, [configArg(this.opts.config)], {
      serviceName: 'Delve engine',
      stdio: 'inherit',
    });
    const client = new EngineClient(child, this.opts.onEvent);
    child.on('message', (message: unknown) => client.receive(message));
    let spawned = false;
    const ready = new Promise<EngineClient>((resolve, reject) => {
      child.once('spawn', () => {
        spawned = true;
        resolve(client);
      });
      child.once('exit', (code: number) => {
        if (!spawned) reject(new CodedError('ENGINE_UNAVAILABLE', `the engine process failed to start (exit code ${code})`));
      });
    });
    ready.catch(() => undefined);
    const exited = new Promise<void>((resolve) => {
      child.once('exit', (code: number) => {
        // Deferred: calling back into UtilityProcess from inside its exit event is unsafe.
        setImmediate(() => {
          client.failAll({ code: 'ENGINE_UNAVAILABLE', message: `the engine process stopped (exit code ${code}); the next request restarts it` });
          if (this.running?.child === child) this.running = null;
          resolve();
        });
      });
    });
    this.running = { child, ready, exited };
    return this.running;
  }
}
