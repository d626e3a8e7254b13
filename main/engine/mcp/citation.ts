/** How the MCP server cites a passage: a `delve://document/<id>#page=N` resource and a short label. */
import { basename } from 'node:path';

export const documentUri = (docId: number, page?: number | null) => `delve://document/${docId}${page ? `#page=${page}` : ''}`;

export interface Citation { uri: string; label: string; path: string; page: number | null; pageLabel: string | null }

export function cite(d: { docId: number; path: string; title: string | null; page: number | null; pageLabel: string | null }): Citation {
  const where = d.pageLabel ?? (d.page === null ? null : String(d.page));
  return { uri: documentUri(d.docId, d.page), label: `${d.title ?? basename(d.path)}${where ? `, p. ${where}` : ''}`, path: d.path, page: d.page, pageLabel: d.pageLabel };
}
