/**
 * The text of a document without pages (a note, a PubMed record), put back together from its
 * chunks: each chunk is a slice of the document's text at known offsets, overlapping the previous
 * one by up to the chunk overlap, so the slices are joined at their offsets. What lies between two
 * chunks (the whitespace between sections, a line with no letter or digit) is not stored: a gap
 * becomes a paragraph break.
 */
import type { Db } from '../store/db.js';
import { stmt } from '../store/statements.js';

export function textFromChunks(db: Db, docId: number): string {
  const rows = stmt(db, 'SELECT char_start AS start, char_end AS end, text FROM chunks WHERE doc_id = ? ORDER BY char_start, ordinal')
    .all(docId) as { start: number; end: number; text: string }[];
  let out = '';
  let end = -1;
  for (const r of rows) {
    if (r.end <= end) continue;
    if (r.start >= end) {
      if (out) out += r.start - end >= 2 ? '\n\n' : ' ';
      out += r.text;
    } else {
      out += r.text.slice(end - r.start);
    }
    end = r.end;
  }
  return out;
}
