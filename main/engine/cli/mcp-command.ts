/**
 * `delve mcp [--db <file>] [--allow-writes]`: Delve's MCP server on stdin/stdout (the engine's
 * tools: mcp/server.ts). stdout carries only the protocol; messages go to stderr. Runs until the
 * client closes the connection (stdin ends) or SIGINT.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { DelveEngine } from '../index.js';
import { createMcpServer } from '../mcp/server.js';
import { ncbiSettings, type Parsed } from './args.js';

type Out = (s: string) => void;

export const MCP_VERSION = '0.1.0';

export async function mcpCommand(engine: DelveEngine, a: Parsed, err: Out): Promise<void> {
  const server = createMcpServer({
    engine, allowWrites: a.allowWrites, ncbi: ncbiSettings(a), ...(a.ollama ? { ollama: a.ollama } : {}), ...(a.llmModel ? { llmModel: a.llmModel } : {}),
  }, MCP_VERSION);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await server.connect(transport);
  err(`delve: MCP server on stdio (${a.allowWrites ? 'writes allowed' : 'read-only'})`);
  await closed;
  await server.close();
}
