/**
 * The main-process side of the engine protocol, without electron: numbers requests, matches
 * answers to them, hands events on, and fails everything pending when the process goes away.
 * engine-process.ts plugs it onto a utility process; engine-client.test.ts onto a fake port.
 */
import { CodedError } from '../ipc/envelope.js';
import type { IpcError } from '../../preload/contract.js';
import { isEngineEvent, isEngineResponse, type EngineCalls, type EngineEvent, type EngineMethod } from './engine-protocol.js';

export interface EnginePort {
  postMessage(message: unknown): void;
}

interface Pending {
  resolve(data: unknown): void;
  reject(err: Error): void;
}

export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly port: EnginePort,
    private readonly onEvent: (event: EngineEvent) => void,
  ) {}

  get inFlight(): number {
    return this.pending.size;
  }

  /** Resolves to the engine's data; rejects with a CodedError carrying the engine's code. */
  call<N extends EngineMethod>(name: N, args: EngineCalls[N]['args']): Promise<EngineCalls[N]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (data: unknown) => void, reject });
      try {
        this.port.postMessage({ id, name, args });
      } catch (err) {
        this.pending.delete(id);
        reject(new CodedError('ENGINE_UNAVAILABLE', `cannot reach the engine process: ${(err as Error).message}`));
      }
    });
  }

  /** Feed every message from the process here. Unknown or unmatched messages are ignored. */
  receive(message: unknown): void {
    if (isEngineEvent(message)) {
      this.onEvent(message);
      return;
    }
    if (!isEngineResponse(message)) return;
    const p = this.pending.get(message.id);
    if (!p) return;
    this.pending.delete(message.id);
    if (message.ok) p.resolve(message.data);
    else p.reject(new CodedError(message.error.code, message.error.message));
  }

  /** Rejects every pending call (the process exited or is being replaced). */
  failAll(error: IpcError): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(new CodedError(error.code, error.message));
  }
}
