/**
 * Results as data: every IPC command resolves to `{ok:true,data}` or `{ok:false,error:{code,message}}`
 * and never throws across IPC (Electron keeps only the message of a thrown error).
 * Plain Node: no electron import, unit-tested in envelope.test.ts.
 */
import { isErrorCode } from '../engine/errors.js';
import type { HostErrorCode, IpcError, Result } from '../../preload/contract.js';

const HOST_CODES: readonly HostErrorCode[] = ['FORBIDDEN', 'ENGINE_UNAVAILABLE'];

/** An error that carries a contract code; the host throws it, the envelope turns it into data. */
export class CodedError extends Error {
  readonly code: IpcError['code'];
  constructor(code: IpcError['code'], message: string) {
    super(message);
    this.name = 'CodedError';
    this.code = code;
  }
}

export function isIpcCode(value: unknown): value is IpcError['code'] {
  return isErrorCode(value) || (typeof value === 'string' && (HOST_CODES as readonly string[]).includes(value));
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

export const fail = (code: IpcError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

/** Any thrown value as an IpcError: a known code is kept, anything else is INTERNAL. */
export function toIpcError(err: unknown): IpcError {
  if (err && typeof err === 'object') {
    const { code, message } = err as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' && message !== '' ? message : String(err);
    if (isIpcCode(code)) return { code, message: text };
    if (err instanceof Error) return { code: 'INTERNAL', message: text };
  }
  return { code: 'INTERNAL', message: String(err) };
}
