/** One chunk with its document and page, for citing it (the MCP server's fetch tool). */
import type { ChunkDetail } from '../api-library.js';
import { EngineError } from '../errors.js';
import type { Db } from '../store/db.js';

export function chunkDetail(db: Db, chunkId: number): ChunkDetail {
  const row = db.prepare(`SELECT c.id AS chunkId, c.doc_id AS docId, d.path, d.title, d.kind, c.first_page AS page, p.label AS pageLabel, c.text
    FROM chunks c JOIN documents d ON d.id = c.doc_id LEFT JOIN pages p ON p.doc_id = c.doc_id AND p.number = c.first_page
    WHERE c.id = ?`).get(chunkId) as ChunkDetail | undefined;
  if (!row) throw new EngineError('BAD_ARGUMENT', `no chunk ${chunkId}`);
  return row;
}
