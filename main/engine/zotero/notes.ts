/**
 * Child notes of Zotero items (`itemNotes.parentItemID`), as plain text: Zotero stores a note as
 * HTML (`<div class="zotero-note znv1"><p>…</p></div>`); tags become line breaks or nothing, and
 * the common entities are decoded. Notes in the trash are left out; standalone notes (no parent)
 * are not items of a record and are not read.
 */
import type Database from 'better-sqlite3';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/tr|\/blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).filter(Boolean).join('\n');
}

/** itemID of the parent → its notes' text, in note order. */
export function readNotes(db: Database.Database, deleted: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const rows = db.prepare(`SELECT parentItemID AS parent, note FROM itemNotes
    WHERE parentItemID IS NOT NULL AND itemID NOT IN (${deleted}) ORDER BY itemID`).all() as { parent: number; note: string | null }[];
  for (const r of rows) {
    const text = htmlToText(r.note ?? '');
    if (!text) continue;
    const list = out.get(r.parent) ?? [];
    list.push(text);
    out.set(r.parent, list);
  }
  return out;
}
