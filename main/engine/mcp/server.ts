/**
 * Delve as a Model Context Protocol server (the official @modelcontextprotocol/sdk): tool groups
 * registered on one McpServer over the engine facade. Read-only by default (`allowWrites`). A new
 * source of records (ClinicalTrials.gov) adds a `register…Tools(server, ctx)` group to GROUPS.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerCollectionTools } from './collection-tools.js';
import type { McpContext } from './context.js';
import { registerLibraryTools } from './library-tools.js';
import { registerPubmedTools } from './pubmed-tools.js';
import { registerSearchTools } from './search-tools.js';
import { registerTrialsTools } from './trials-tools.js';

export type { McpContext, McpOptions } from './context.js';

const GROUPS: ((server: McpServer, ctx: McpContext) => void)[] = [registerSearchTools, registerLibraryTools, registerCollectionTools, registerPubmedTools, registerTrialsTools];

export function createMcpServer(ctx: McpContext, version: string): McpServer {
  const server = new McpServer({ name: 'delve', version }, {
    capabilities: { tools: {}, resources: {}, logging: {} },
    instructions: 'Delve searches the user\'s local research library (PDFs, notes, imported records). Cite passages with the citation '
      + 'each result carries (file and page). ' + (ctx.allowWrites ? 'Writes are allowed (add_evidence).' : 'This server is read-only.'),
  });
  for (const register of GROUPS) register(server, ctx);
  return server;
}
