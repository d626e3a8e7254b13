/**
 * Collections: `list_collections`, `read_collection` (its evidence, each piece with its citation),
 * and `add_evidence`, which changes the library and so runs only when the server was started with
 * --allow-writes; without it the tool answers WRITES_DISABLED.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { cite } from './citation.js';
import type { McpContext } from './context.js';
import { EngineError } from '../errors.js';
import { guarded, ok } from './reply.js';

export function registerCollectionTools(server: McpServer, ctx: McpContext): void {
  server.registerTool('list_collections', {
    title: 'List collections', description: 'The review collections with how much evidence each holds.',
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, () => guarded(() => ok(ctx.engine.collections())));

  server.registerTool('read_collection', {
    title: 'Read a collection',
    description: 'A collection\'s evidence (quotes with page, note, tags, stance and the query that found them), each with its citation.',
    inputSchema: { name: z.string().min(1), sort: z.enum(['document', 'page', 'tag', 'stance', 'added']).optional() },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args) => guarded(() => ok(ctx.engine.evidence(args.name, args.sort).map((r) => ({
    ...r, citation: r.docId === null ? null : cite({ docId: r.docId, path: r.path, title: r.title, page: r.page, pageLabel: r.pageLabel }),
  })))));

  server.registerTool('add_evidence', {
    title: 'Add evidence to a collection',
    description: 'Adds a passage (chunkId from a search result) to a collection, with an optional note, tags and stance. Changes the '
      + 'library: allowed only when the server runs with --allow-writes.',
    inputSchema: {
      collection: z.string().min(1), chunkId: z.number().int().positive(), quote: z.string().optional(), note: z.string().optional(),
      tags: z.array(z.string()).optional(), stance: z.enum(['supports', 'contradicts', 'background']).optional(), createCollection: z.boolean().optional(),
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  }, (args) => guarded(() => {
    if (!ctx.allowWrites) throw new EngineError('WRITES_DISABLED', 'this Delve MCP server is read-only: start it with `delve mcp --allow-writes` to add evidence');
    if (args.createCollection && !ctx.engine.collections().some((c) => c.name === args.collection)) ctx.engine.createCollection(args.collection);
    const row = ctx.engine.addEvidence(args.collection, { chunkId: args.chunkId, ...(args.quote ? { quote: args.quote } : {}) },
      { ...(args.note ? { note: args.note } : {}), ...(args.tags ? { tags: args.tags } : {}), ...(args.stance ? { stance: args.stance } : {}) });
    return ok(row);
  }));
}
