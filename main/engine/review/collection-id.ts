/** A collection's id by its name (deleted collections excluded); BAD_ARGUMENT when there is none. */
import { EngineError } from '../errors.js';
import type { Db } from '../store/db.js';

export function collectionId(db: Db, name: string): number {
  const id = db.prepare('SELECT id FROM collections WHERE name = ? AND deleted_at IS NULL').pluck().get(name.trim()) as number | undefined;
  if (id === undefined) throw new EngineError('BAD_ARGUMENT', `no collection named "${name}"`);
  return id;
}
