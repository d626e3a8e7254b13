/** A PubMed query run offline, as documents: id, path, title and, for imported records, the PMID. */
import type { Db } from '../../store/db.js';
import type { Node } from '../query/ast.js';
import { PUBMED_PREFIX } from '../library/import.js';
import { runOffline, type Unsupported } from './run.js';

export interface OfflineDocument { docId: number; path: string; title: string | null; pmid?: string }

export interface OfflineMatches {
  documents: OfflineDocument[];
  /** Terms not searched as PubMed would. */
  unsupported: Unsupported[];
}

export function offlineDocuments(db: Db, tree: Node): OfflineMatches {
  const r = runOffline(db, tree);
  const row = db.prepare('SELECT id, path, kind, title FROM documents WHERE id = ?');
  const documents = r.docIds.map((id) => {
    const d = row.get(id) as { id: number; path: string; kind: string; title: string | null };
    const doc: OfflineDocument = { docId: d.id, path: d.path, title: d.title };
    if (d.kind === 'pubmed' && d.path.startsWith(PUBMED_PREFIX)) doc.pmid = d.path.slice(PUBMED_PREFIX.length);
    return doc;
  });
  return { documents, unsupported: r.unsupported };
}
