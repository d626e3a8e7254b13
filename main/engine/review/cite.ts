/**
 * The documents a collection cites, as bibliography entries: title, authors ("Last, First" or a
 * collective name), year, DOI, and journal/volume/pages where the document has them (a PubMed
 * record's are in its metadata; a note's may be in its front matter; Zotero's journal is in
 * `metadata.zotero`). A field with a `doc_fields` row (the user's correction, library/fields.ts)
 * wins over the PubMed record and everything else. Citation keys follow the
 * PubMed exporter's scheme, first author + year + first long title word ("muller2019eradication"),
 * made unique with a, b, c… suffixes.
 */
import type { EvidenceRow } from '../api.js';
import type { Db } from '../store/db.js';
import type { PubmedAuthor } from '../pubmed/eutils/types.js';
import { storedRecords } from '../pubmed/library/stored.js';
import { fold } from '../pubmed/library/names.js';
import { pinnedFields, type BibField } from '../library/fields.js';

export interface CitedDoc {
  key: string;
  path: string;
  kind: string;
  title: string | null;
  /** "Last, First" for people; a collective name as it is. */
  authors: string[];
  /** Which of the authors are organisations (written whole: their commas do not split a name). */
  collective: string[];
  year: number | null;
  doi: string | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  abstract: string | null;
  url: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

/** "Müller AL" → "Müller, AL"; "Anna Lena Müller" → "Müller, Anna Lena"; "Müller, Anna" and other shapes as they are. */
export function lastFirst(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (n.includes(',')) return n;
  const words = n.split(' ');
  const tail = words[words.length - 1] ?? '';
  if (words.length >= 2 && /^\p{Lu}{1,3}$/u.test(tail)) return `${words.slice(0, -1).join(' ')}, ${tail}`;
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w))) return `${tail}, ${words.slice(0, -1).join(' ')}`;
  return n;
}

const pubmedAuthor = (a: PubmedAuthor) => ('collective' in a ? a.collective : (a.fore ?? a.initials) ? `${a.last}, ${a.fore ?? a.initials}` : a.last);

interface DocRow { id: number; kind: string; metadata: string }

const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});

/** Writes a pinned value over the entry's field; a collective name among pinned authors stays whole. */
function applyPin(entry: CitedDoc, field: BibField, value: unknown): void {
  if (field === 'authors') {
    const names = Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim()) : [];
    entry.collective = entry.collective.filter((c) => names.includes(c));
    entry.authors = names.map((a) => (entry.collective.includes(a) ? a : lastFirst(a)));
  } else if (field === 'year') {
    entry.year = typeof value === 'number' && Number.isInteger(value) ? value : null;
  } else {
    entry[field] = str(value);
  }
}

/** One entry per document, in the order the rows first cite them; rows are matched by path. */
export function citedDocs(db: Db, rows: readonly EvidenceRow[]): CitedDoc[] {
  const seen = new Map<string, CitedDoc>();
  const getDoc = db.prepare('SELECT id, kind, metadata FROM documents WHERE id = ?');
  for (const r of rows) {
    if (seen.has(r.path)) continue;
    const d = r.docId === null ? undefined : (getDoc.get(r.docId) as DocRow | undefined);
    const meta = d ? (JSON.parse(d.metadata) as Record<string, unknown>) : {};
    const front = (meta.frontMatter ?? {}) as Record<string, unknown>;
    const field = (name: string) => str(meta[name]) ?? str(front[name]);
    const entry: CitedDoc = {
      key: '', path: r.path, kind: d?.kind ?? 'document', title: r.title, authors: r.authors.map(lastFirst), collective: [], year: r.year, doi: r.doi,
      journal: field('journal') ?? str(record(meta.zotero).journal), volume: field('volume'), issue: field('issue'), pages: field('pages'),
      abstract: field('abstract'), url: field('url'),
    };
    const rec = d?.kind === 'pubmed' ? storedRecords(db, [d.id])[0] : undefined;
    if (rec) {
      Object.assign(entry, {
        title: rec.title || entry.title, authors: rec.authors.map(pubmedAuthor),
        collective: rec.authors.flatMap((a) => ('collective' in a ? [a.collective] : [])), year: rec.year ?? entry.year, doi: rec.doi ?? entry.doi,
        journal: rec.journal ?? rec.journalAbbrev ?? entry.journal, abstract: rec.abstract || null, url: `https://pubmed.ncbi.nlm.nih.gov/${rec.pmid}/`,
      });
    }
    if (d) for (const [f, p] of pinnedFields(db, d.id)) applyPin(entry, f, p.value);
    seen.set(r.path, entry);
  }
  const docs = [...seen.values()];
  const keys = citationKeys(docs);
  docs.forEach((d, i) => (d.key = keys[i]!));
  return docs;
}

const ascii = (s: string) => fold(s.replace(/['’]/g, '')).replace(/[^a-z0-9 ]/g, '');

function baseKey(d: Pick<CitedDoc, 'authors' | 'year' | 'title' | 'path'>): string {
  const first = d.authors[0];
  const who = first ? ascii(first.split(',')[0] ?? '').split(' ').pop() ?? '' : '';
  const word = ascii(d.title ?? '').split(' ').find((w) => w.length > 3) ?? '';
  const key = `${who}${d.year ?? ''}${word}`;
  return who || word ? key : `doc${ascii(d.path.split(/[\\/]/).pop() ?? '').replace(/ /g, '') || 'x'}`;
}

/** a, b, … z, aa, ab, … */
function suffix(i: number): string {
  return (i >= 26 ? suffix(Math.floor(i / 26) - 1) : '') + String.fromCharCode(97 + (i % 26));
}

export function citationKeys(docs: readonly Pick<CitedDoc, 'authors' | 'year' | 'title' | 'path'>[]): string[] {
  const used = new Set<string>();
  return docs.map((d) => {
    const base = baseKey(d);
    let key = base;
    for (let i = 0; used.has(key); i++) key = base + suffix(i);
    used.add(key);
    return key;
  });
}
