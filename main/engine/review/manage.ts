/**
 * Collections as the user manages them: rename, duplicate, delete and restore. Deleting is soft: the
 * collection and its evidence stay in the database, its name is freed (a placeholder holds its
 * place) and `restoreCollection` brings it back by id, under its old name or, if that name was
 * taken meanwhile, "<name> (restored)". Nothing the user made is lost.
 */
import type { CollectionInfo, DeletedCollection } from '../api.js';
import { EngineError } from '../errors.js';
import type { Db } from '../store/db.js';
import { collectionId, createCollection, listCollections } from './collections.js';

const taken = (err: unknown, name: string): never => {
  if (/UNIQUE/.test((err as Error).message)) throw new EngineError('BAD_ARGUMENT', `a collection named "${name}" already exists`);
  throw err;
};

export function renameCollection(db: Db, name: string, to: string): CollectionInfo {
  const id = collectionId(db, name);
  const clean = to.trim();
  if (!clean) throw new EngineError('BAD_ARGUMENT', 'a collection needs a name');
  try {
    db.prepare('UPDATE collections SET name = ? WHERE id = ?').run(clean, id);
  } catch (err) {
    taken(err, clean);
  }
  return listCollections(db).find((c) => c.id === id)!;
}

/** A new collection `to` holding a copy of every (not removed) piece of evidence of `name`, in the same order. */
export function duplicateCollection(db: Db, name: string, to: string): CollectionInfo {
  return db.transaction(() => {
    const from = collectionId(db, name);
    const description = db.prepare('SELECT description FROM collections WHERE id = ?').pluck().get(from) as string;
    const copy = createCollection(db, to, description);
    db.prepare(`INSERT INTO evidence (collection_id, doc_id, chunk_id, chunk_hash, doc_path, doc_title, doc_authors, doc_year, doc_doi,
        page, page_label, quote, char_start, char_end, note, tags, stance, query_text, query_mode, query_settings, created_at, position)
      SELECT ?, doc_id, chunk_id, chunk_hash, doc_path, doc_title, doc_authors, doc_year, doc_doi,
        page, page_label, quote, char_start, char_end, note, tags, stance, query_text, query_mode, query_settings, created_at, coalesce(position, id)
      FROM evidence WHERE collection_id = ? AND deleted_at IS NULL ORDER BY id`).run(copy.id, from);
    return listCollections(db).find((c) => c.id === copy.id)!;
  })();
}

/** Deletes a collection softly; what it returns is what `restoreCollection` needs. */
export function deleteCollection(db: Db, name: string, now = Date.now()): DeletedCollection {
  const id = collectionId(db, name);
  const info = listCollections(db).find((c) => c.id === id)!;
  db.prepare("UPDATE collections SET deleted_name = name, name = char(0) || 'deleted:' || id, deleted_at = ? WHERE id = ?").run(now, id);
  return { id, name: info.name, evidence: info.evidence, deletedAt: now };
}

/** Deleted collections, the most recently deleted first. */
export function deletedCollections(db: Db): DeletedCollection[] {
  return db.prepare(`SELECT c.id, c.deleted_name AS name, c.deleted_at AS deletedAt,
      (SELECT COUNT(*) FROM evidence e WHERE e.collection_id = c.id AND e.deleted_at IS NULL) AS evidence
    FROM collections c WHERE c.deleted_at IS NOT NULL ORDER BY c.deleted_at DESC, c.id DESC`).all() as DeletedCollection[];
}

export function restoreCollection(db: Db, id: number): CollectionInfo {
  const row = db.prepare('SELECT deleted_name AS name FROM collections WHERE id = ? AND deleted_at IS NOT NULL').get(id) as { name: string } | undefined;
  if (!row) throw new EngineError('BAD_ARGUMENT', `no deleted collection ${id}`);
  const free = (n: string) => db.prepare('SELECT COUNT(*) FROM collections WHERE name = ?').pluck().get(n) === 0;
  let name = row.name;
  for (let i = 1; !free(name); i++) name = `${row.name} (restored${i > 1 ? ` ${i}` : ''})`;
  db.prepare('UPDATE collections SET name = ?, deleted_name = NULL, deleted_at = NULL WHERE id = ?').run(name, id);
  return listCollections(db).find((c) => c.id === id)!;
}
