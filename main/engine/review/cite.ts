/**
 * The documents a collection cites, as bibliography entries (bibliography/): title, authors, year,
 * DOI, and journal/volume/issue/pages where the document has them (a PubMed record's are in its
 * metadata; a note's may be in its front matter; Zotero's journal is in `metadata.zotero`; an
 * imported .bib/.ris record's in `metadata.bib`). A field with a `doc_fields` row (the user's
 * correction, library/fields.ts) wins over the PubMed record and everything else. A document with
 * a journal is an article. Citation keys follow bibliography/citekey.ts (an imported record keeps
 * its own key when it is free), unique within the export.
 */
import type { EvidenceRow } from '../api.js';
import { citationKeys, parseName, type BibEntry, type BibName } from '../bibliography/index.js';
import type { Db } from '../store/db.js';
import { storedRecords } from '../pubmed/library/stored.js';
import { recordEntry } from '../pubmed/library/entries.js';
import { pinnedFields, type BibField } from '../library/fields.js';

export interface CitedDoc extends BibEntry {
  key: string;
  path: string;
  kind: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

interface DocRow { id: number; kind: string; metadata: string }

const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});

/** Writes a pinned value over the entry's field; a name that was an organisation stays whole. */
function applyPin(entry: CitedDoc, field: BibField, value: unknown): void {
  if (field === 'authors') {
    const literal = new Set(entry.authors.flatMap((a) => ('literal' in a ? [a.literal] : [])));
    const names = Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim()) : [];
    entry.authors = names.map((a) => parseName(a, { collective: literal.has(a) }));
  } else if (field === 'year') {
    entry.year = typeof value === 'number' && Number.isInteger(value) ? value : null;
  } else {
    entry[field] = str(value);
  }
}

/** Names as an imported .bib/.ris record stored them ({family, given} or {literal}). */
function storedNames(v: unknown): BibName[] | null {
  if (!Array.isArray(v)) return null;
  const out: BibName[] = [];
  for (const n of v) {
    const r = record(n);
    if (typeof r.literal === 'string') out.push({ literal: r.literal });
    else if (typeof r.family === 'string') out.push({ family: r.family, given: typeof r.given === 'string' ? r.given : '' });
  }
  return out.length > 0 ? out : null;
}

/** One entry per document, in the order the rows first cite them; rows are matched by path. */
export function citedDocs(db: Db, rows: readonly EvidenceRow[]): CitedDoc[] {
  const seen = new Map<string, CitedDoc>();
  const getDoc = db.prepare('SELECT id, kind, metadata FROM documents WHERE id = ?');
  for (const r of rows) {
    if (seen.has(r.path)) continue;
    const d = r.docId === null ? undefined : (getDoc.get(r.docId) as DocRow | undefined);
    const meta = d ? (JSON.parse(d.metadata) as Record<string, unknown>) : {};
    const front = record(meta.frontMatter);
    const bib = record(meta.bib);
    const field = (name: string) => str(meta[name]) ?? str(front[name]) ?? str(bib[name]);
    const file = r.path.split(/[\\/]/).pop() ?? '';
    const entry: CitedDoc = {
      key: '', path: r.path, kind: d?.kind ?? 'document', type: 'misc', fallbackKey: `doc${file}`,
      title: r.title, authors: storedNames(bib.authors) ?? r.authors.map((a) => parseName(a)), year: r.year, doi: r.doi,
      journal: field('journal') ?? str(record(meta.zotero).journal), volume: field('volume'), issue: field('issue'), pages: field('pages'),
      abstract: field('abstract'), url: field('url'), pmid: str(bib.pmid),
    };
    if (typeof bib.citationKey === 'string') entry.key = bib.citationKey;
    const rec = d?.kind === 'pubmed' ? storedRecords(db, [d.id])[0] : undefined;
    if (rec) {
      const e = recordEntry(rec);
      Object.assign(entry, {
        title: e.title ?? entry.title, authors: e.authors, year: e.year ?? entry.year, doi: e.doi ?? entry.doi, journal: e.journal ?? entry.journal,
        abstract: e.abstract, url: e.url, pmid: e.pmid, fallbackKey: e.fallbackKey,
      });
    }
    if (d) for (const [f, p] of pinnedFields(db, d.id)) applyPin(entry, f, p.value);
    if (entry.journal) entry.type = 'article';
    seen.set(r.path, entry);
  }
  const docs = [...seen.values()];
  const keys = citationKeys(docs);
  docs.forEach((d, i) => (d.key = keys[i]!));
  return docs;
}
