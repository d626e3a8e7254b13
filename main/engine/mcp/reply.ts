/**
 * Tool replies: data as one JSON text block; errors as `isError` results carrying `{code, message}`
 * (the engine's error data), so an agent can switch on the code.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toErrorData } from '../errors.js';

export function ok(data: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(data, null, 1) }] };
}

export function fail(code: string, message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: JSON.stringify({ code, message }) }] };
}

/** Runs a tool body; any thrown error becomes an error result with its code. */
export async function guarded(body: () => Promise<CallToolResult> | CallToolResult): Promise<CallToolResult> {
  try {
    return await body();
  } catch (err) {
    const e = toErrorData(err);
    return fail(e.code, e.message);
  }
}
