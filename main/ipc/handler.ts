/**
 * The body of every IPC command, without electron: refuse foreign senders, validate the arguments
 * with zod, run the command, and answer a Result, never a thrown error. handle.ts registers it
 * with ipcMain; handler.test.ts drives it under plain Node with fake events.
 */
import type { z } from 'zod';
import type { Result } from '../../preload/contract.js';
import { fail, ok, toIpcError } from './envelope.js';
import { senderProblem, type AppOrigin, type SenderEventLike } from './sender.js';

export type Handler<T> = (event: SenderEventLike, ...raw: unknown[]) => Promise<Result<T>>;

export function makeHandler<A extends unknown[], T>(
  app: AppOrigin,
  schema: z.ZodType<A>,
  fn: (...args: NoInfer<A>) => T | Promise<T>,
): Handler<T> {
  return async (event, ...raw) => {
    const problem = senderProblem(event, app);
    if (problem !== null) return fail('FORBIDDEN', problem);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return fail('BAD_ARGUMENT', describeIssues(parsed.error));
    try {
      return ok(await fn(...parsed.data));
    } catch (err) {
      return { ok: false, error: toIpcError(err) };
    }
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `argument ${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
