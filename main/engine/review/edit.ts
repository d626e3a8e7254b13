/**
 * Editing a piece of evidence: its note, tags, stance and quote bounds (the quote must be words of
 * its passage: review/quote.ts finds them whatever their spacing); removing it softly (kept for
 * `restoreEvidence`); and the user's own order within its collection (`moveEvidence`).
 */
import type { EvidenceEdit, EvidenceRow } from '../api.js';
import { EngineError } from '../errors.js';
import type { Db } from '../store/db.js';
import { checkFields, cleanTags, evidenceById } from './collections.js';
import { locateQuote } from './quote.js';

interface Linked { chunk_id: number | null; text: string | null; char_start: number | null }

function setQuote(db: Db, id: number, quote: string): void {
  const clean = quote.trim();
  if (!clean) throw new EngineError('BAD_ARGUMENT', 'a quote cannot be empty');
  const row = db.prepare(`SELECT e.chunk_id, c.text, c.char_start FROM evidence e LEFT JOIN chunks c ON c.id = e.chunk_id WHERE e.id = ?`).get(id) as Linked;
  if (row.text === null) throw new EngineError('BAD_ARGUMENT', 'the passage of this evidence is not in the library now (re-index its document), so its quote cannot change');
  const found = locateQuote(row.text, clean);
  if (found === null) throw new EngineError('BAD_ARGUMENT', 'the quote must be words of its passage');
  const start = row.char_start! + row.text.indexOf(found);
  db.prepare('UPDATE evidence SET quote = ?, char_start = ?, char_end = ? WHERE id = ?').run(found, start, start + found.length, id);
}

export function updateEvidence(db: Db, id: number, f: EvidenceEdit): EvidenceRow {
  checkFields(f);
  evidenceById(db, id);
  db.transaction(() => {
    if (f.note !== undefined) db.prepare('UPDATE evidence SET note = ? WHERE id = ?').run(f.note, id);
    if (f.tags !== undefined) db.prepare('UPDATE evidence SET tags = ? WHERE id = ?').run(JSON.stringify(cleanTags(f.tags)), id);
    if (f.stance !== undefined) db.prepare('UPDATE evidence SET stance = ? WHERE id = ?').run(f.stance, id);
    if (f.quote !== undefined) setQuote(db, id, f.quote);
  })();
  return evidenceById(db, id);
}

/** Removes a piece of evidence softly; returns it as it was (for the undo). */
export function removeEvidence(db: Db, id: number, now = Date.now()): EvidenceRow {
  const row = evidenceById(db, id);
  db.prepare('UPDATE evidence SET deleted_at = ? WHERE id = ?').run(now, id);
  return row;
}

export function restoreEvidence(db: Db, id: number): EvidenceRow {
  if (db.prepare('UPDATE evidence SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id).changes === 0) {
    throw new EngineError('BAD_ARGUMENT', `no removed evidence ${id}`);
  }
  return evidenceById(db, id);
}

/** Moves a piece of evidence to `index` (0-based, clamped) in its collection's own order; returns that order's ids. */
export function moveEvidence(db: Db, id: number, index: number): number[] {
  if (!Number.isInteger(index)) throw new EngineError('BAD_ARGUMENT', 'the place must be a whole number');
  const row = evidenceById(db, id);
  const cid = db.prepare('SELECT collection_id FROM evidence WHERE id = ?').pluck().get(row.id) as number;
  const ids = (db.prepare('SELECT id FROM evidence WHERE collection_id = ? AND deleted_at IS NULL ORDER BY coalesce(position, id), id')
    .pluck().all(cid) as number[]).filter((x) => x !== id);
  ids.splice(Math.max(0, Math.min(ids.length, index)), 0, id);
  const set = db.prepare('UPDATE evidence SET position = ? WHERE id = ?');
  db.transaction(() => ids.forEach((x, i) => set.run(i + 1, x)))();
  return ids;
}
