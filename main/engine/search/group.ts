/**
 * Results by paper: the ranked passages grouped by their document. A document ranks where its best
 * passage ranks (front matter included: a title that matches is a good sign); it is shown by its
 * best passage that is not front matter (search/front-matter.ts), when the candidates hold one, and
 * its other passages follow it as `more`, each keeping its own rank in the ungrouped list.
 */
import type { Db } from '../store/db.js';
import { isFrontMatter } from './front-matter.js';
import type { Fused } from './fusion/fuse.js';

export interface PassageInfo {
  docId: number;
  frontMatter: boolean;
}

interface Row { id: number; doc: number; kind: string; ordinal: number; page: number | null; text: string | null }

/** Each chunk's document and whether it is front matter (the text is read only where it could be). */
export function passageInfo(db: Db, ids: readonly number[]): Map<number, PassageInfo> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare(`SELECT c.id, c.doc_id AS doc, d.kind, c.ordinal, c.first_page AS page,
      CASE WHEN d.kind = 'pdf' AND c.ordinal <= 2 THEN c.text END AS text
    FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[];
  return new Map(rows.map((r) => [r.id, {
    docId: r.doc,
    frontMatter: r.text !== null && isFrontMatter(r.text, { kind: r.kind, ordinal: r.ordinal, firstPage: r.page }),
  }]));
}

export interface Ranked1 {
  fused: Fused;
  /** 1-based rank in the ungrouped list. */
  passageRank: number;
}

export interface DocumentGroup {
  docId: number;
  /** The passage shown for the document. */
  best: Ranked1;
  /** Its other passages among the candidates, in rank order (at most `morePerDocument`). */
  more: Ranked1[];
  /** How many of its passages are among the candidates. */
  passages: number;
  /** The document's score: its best passage's fused score. */
  score: number;
}

/** Groups a ranked passage list by document, in the order of each document's best passage. */
export function groupByDocument(list: readonly Fused[], info: Map<number, PassageInfo>, morePerDocument: number): DocumentGroup[] {
  const byDoc = new Map<number, Ranked1[]>();
  list.forEach((fused, i) => {
    const doc = info.get(fused.chunkId)?.docId;
    if (doc === undefined) return; // deleted since it was ranked
    const members = byDoc.get(doc);
    if (members) members.push({ fused, passageRank: i + 1 });
    else byDoc.set(doc, [{ fused, passageRank: i + 1 }]);
  });
  return [...byDoc].map(([docId, members]) => {
    const best = members.find((m) => !info.get(m.fused.chunkId)?.frontMatter) ?? members[0]!;
    return {
      docId, best, more: members.filter((m) => m !== best).slice(0, Math.max(0, morePerDocument)),
      passages: members.length, score: members[0]!.fused.fused,
    };
  });
}
