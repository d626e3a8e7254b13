/**
 * Re-resolves evidence's live links after re-indexing: a document by its path, a chunk by its text
 * hash within that document (an unchanged chunk keeps its hash, even when its row was replaced);
 * refreshes the copied document fields and the quote's offsets from what is linked.
 */
import type { Db } from '../store/db.js';
import { stmt } from '../store/statements.js';

export function relink(db: Db, scope: { collectionId: number } | { evidenceId: number }): void {
  const where = 'collectionId' in scope ? 'collection_id = @s' : 'id = @s';
  const s = 'collectionId' in scope ? scope.collectionId : scope.evidenceId;
  db.transaction(() => {
    stmt(db, `UPDATE evidence SET doc_id = (SELECT d.id FROM documents d WHERE d.path = evidence.doc_path)
      WHERE doc_id IS NULL AND ${where}`).run({ s });
    stmt(db, `UPDATE evidence SET chunk_id = (SELECT c.id FROM chunks c WHERE c.doc_id = evidence.doc_id AND c.hash = evidence.chunk_hash
        AND instr(c.text, evidence.quote) > 0 ORDER BY c.ordinal LIMIT 1)
      WHERE chunk_id IS NULL AND chunk_hash IS NOT NULL AND doc_id IS NOT NULL AND ${where}`).run({ s });
    stmt(db, `UPDATE evidence SET (doc_path, doc_title, doc_authors, doc_year, doc_doi) =
        (SELECT d.path, coalesce(d.title, evidence.doc_title), d.authors, coalesce(d.year, evidence.doc_year), coalesce(d.doi, evidence.doc_doi)
         FROM documents d WHERE d.id = evidence.doc_id)
      WHERE doc_id IS NOT NULL AND ${where}`).run({ s });
    stmt(db, `UPDATE evidence SET char_start = (SELECT c.char_start + instr(c.text, evidence.quote) - 1 FROM chunks c WHERE c.id = evidence.chunk_id)
      WHERE chunk_id IS NOT NULL AND ${where}`).run({ s });
    stmt(db, `UPDATE evidence SET char_end = char_start + length(quote) WHERE chunk_id IS NOT NULL AND ${where}`).run({ s });
  })();
}
