/** What the `delve trials` commands share: the client from --ctgov and $DELVE_CTGOV_PACE_MS, NCT ids, Ctrl-C. */
import { ctgovFrom as appCtgov, type Ctgov } from '../app/trials.js';
import { EngineError } from '../errors.js';
import { onInterrupt } from './interrupt.js';
import { NCT_ID } from '../trials/api/types.js';
import { UsageError } from './args.js';

export type Out = (s: string) => void;

/** The API v2 client: --ctgov for the base URL; $DELVE_CTGOV_PACE_MS for the pace (default 1,000 ms). */
export function ctgovFrom(a: { ctgov?: string | undefined }): Ctgov {
  try {
    return appCtgov({ baseUrl: a.ctgov });
  } catch (err) {
    if (err instanceof EngineError && err.code === 'BAD_ARGUMENT') throw new UsageError(err.message);
    throw err;
  }
}

/** Upper-cased NCT ids, or a usage error naming the ones that are not. */
export function nctArgs(ids: readonly string[] | undefined, what: string): string[] {
  const out = [...new Set((ids ?? []).flatMap((v) => v.split(/[\s,;]+/)).filter(Boolean).map((s) => s.toUpperCase()))];
  const bad = out.filter((s) => !NCT_ID.test(s));
  if (bad.length) throw new UsageError(`${what} takes NCT ids (NCT + 8 digits); not NCT ids: ${bad.slice(0, 5).join(', ')}`);
  return out;
}

/** Runs `fn` with a signal that Ctrl-C aborts. */
export async function withSigint<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const interrupt = onInterrupt();
  try {
    return await fn(interrupt.signal);
  } finally {
    interrupt.release();
  }
}
