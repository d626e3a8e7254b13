/** What every tool group gets: the engine, whether writes are allowed, and the PubMed/Ollama settings. */
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { DelveEngine } from '../index.js';

export interface McpOptions {
  /** Tools that change the library (adding evidence) run only when true (`delve mcp --allow-writes`). */
  allowWrites?: boolean;
  /** NCBI E-utilities: base URL, API key, contact e-mail. */
  ncbi?: { baseUrl?: string; apiKey?: string; email?: string };
  /** Ollama for `search` mode full and `pubmed_draft`. */
  ollama?: string;
  llmModel?: string;
}

export interface McpContext extends McpOptions { engine: DelveEngine }

export type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Sends `notifications/progress` when the client asked for progress (a progressToken); never fails the tool. */
export function progressReporter(extra: Extra): (progress: number, message: string, total?: number) => Promise<void> {
  const token = extra._meta?.progressToken;
  return async (progress, message, total) => {
    if (token === undefined) return;
    try {
      await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress, message, ...(total === undefined ? {} : { total }) } });
    } catch { /* the client went away: the search goes on */ }
  };
}
