/**
 * Issue 18: a titled record's title is the heading path of its blocks (chunk/record.ts), as a
 * Markdown note's `# Title` heads its text, so search counts it in the heading-path column too.
 * Records stored before (paths `pubmed:`, `zotero:`, `ref:`, `trial:`, `beir:`) have the same
 * text, offsets and chunks, with an empty heading path: this sets each one's chunks' heading path
 * to its title (the FTS index follows by its update trigger; chunk rows, hashes and vectors stay).
 * The title is the record's first paragraph where that paragraph is the documents row's title; a
 * record whose title the user corrected (or that has none) keeps its empty path (its title is still
 * searched in its text) until an import writes the record again (importers skip records that did not
 * change, so that may not happen). Self-contained: it must not change when the engine does.
 */
import type Database from 'better-sqlite3';

const RECORDS = ['pubmed:', 'zotero:', 'ref:', 'trial:', 'beir:'];

export function up(db: Database.Database): void {
  const where = RECORDS.map(() => 'path >= ? AND path < ?').join(' OR ');
  const bounds = RECORDS.flatMap((p) => [p, p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1)]);
  const docs = db.prepare(`SELECT id, title FROM documents WHERE status != 'error' AND title IS NOT NULL AND (${where})`)
    .all(...bounds) as { id: number; title: string }[];
  const first = db.prepare('SELECT text FROM chunks WHERE doc_id = ? AND char_start = 0 ORDER BY ordinal LIMIT 1').pluck();
  const set = db.prepare(`UPDATE chunks SET heading_path = ? WHERE doc_id = ? AND heading_path = '[]'`);
  for (const d of docs) {
    const title = d.title.trim();
    const text = first.get(d.id) as string | undefined;
    if (!title || text === undefined) continue;
    const end = text.indexOf('\n\n');
    if ((end < 0 ? text : text.slice(0, end)) !== title) continue;
    set.run(JSON.stringify([title.replace(/\s+/g, ' ')]), d.id);
  }
}
