/**
 * Reading the library: `get_page` (a document's page by id, or by a file path inside the library's
 * roots), `get_chunk` (a passage by chunk id), each with its citation; `list_roots`; and the
 * resource `delve://document/<id>` (every page) or `delve://document/<id>#page=N` (one page).
 * Nothing here reads a file: text comes from the index, and a path outside the roots is refused.
 */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { DocumentDetail } from '../api-library.js';
import { EngineError } from '../errors.js';
import { cite, documentUri } from './citation.js';
import type { McpContext } from './context.js';
import { guarded, ok } from './reply.js';
import { insideRoots } from './roots.js';

function pageOf(d: DocumentDetail, page: number) {
  const p = d.pages.find((x) => x.page === page);
  if (!p) throw new EngineError('BAD_ARGUMENT', `document ${d.id} has no page ${page} (it has ${d.pages.length})`);
  return { docId: d.id, title: d.title, kind: d.kind, page: p.page, pageLabel: p.label, pages: d.pages.length, text: p.text, citation: cite({ docId: d.id, path: d.path, title: d.title, page: d.kind === 'pdf' ? p.page : null, pageLabel: p.label }) };
}

/** The document at a path, which must lie inside one of the library's roots. */
function docIdByPath(ctx: McpContext, path: string): number {
  const roots = ctx.engine.roots().map((r) => r.path);
  if (!insideRoots(path, roots)) throw new EngineError('BAD_ARGUMENT', `${path} is outside the library's folders (${roots.join(', ') || 'none'}): refused`);
  const doc = ctx.engine.status().documents.find((d) => d.path === path);
  if (!doc) throw new EngineError('FILE_NOT_FOUND', `${path} is not in the library`);
  return doc.id;
}

export function registerLibraryTools(server: McpServer, ctx: McpContext): void {
  server.registerTool('get_page', {
    title: 'Read a cited page',
    description: 'The text of one page of a library document, with its citation. Give docId (from a search result or citation), or the '
      + 'path of a file inside the library\'s folders; page is the physical page number (1 for notes and records).',
    inputSchema: { docId: z.number().int().positive().optional(), path: z.string().optional(), page: z.number().int().min(1).default(1) },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args) => guarded(() => {
    if ((args.docId === undefined) === (args.path === undefined)) throw new EngineError('BAD_ARGUMENT', 'give exactly one of docId and path');
    const id = args.docId ?? docIdByPath(ctx, args.path!);
    return ok(pageOf(ctx.engine.document(id), args.page));
  }));

  server.registerTool('get_chunk', {
    title: 'Read a cited passage',
    description: 'The full text of one indexed passage (chunkId from a search result), with its citation.',
    inputSchema: { chunkId: z.number().int().positive() },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args) => guarded(() => {
    const c = ctx.engine.chunk(args.chunkId);
    return ok({ ...c, citation: cite(c) });
  }));

  server.registerTool('list_roots', {
    title: 'Library folders',
    description: 'The folders the library indexes, with their document, page and chunk counts; tools read nothing outside them.',
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, () => guarded(() => ok(ctx.engine.roots())));

  server.registerResource('document', new ResourceTemplate('delve://document/{id}', { list: undefined }), {
    title: 'Library document', description: 'A document\'s text by page; #page=N for one page', mimeType: 'text/plain',
  }, (uri) => {
    const id = Number.parseInt(uri.pathname.replace(/^\/+/, '') || uri.host, 10);
    const d = ctx.engine.document(id);
    const page = /^#page=(\d+)$/.exec(uri.hash)?.[1];
    const pages = page ? [pageOf(d, Number(page))] : d.pages.map((p) => pageOf(d, p.page));
    return { contents: pages.map((p) => ({ uri: documentUri(d.id, p.page), mimeType: 'text/plain', text: `${p.citation.label}\n\n${p.text}` })) };
  });
}
