/**
 * A collection exported: Markdown (evidence grouped by document; each quote a blockquote ending
 * with its page, "p. 5" or the printed label, and its citation key `[@key, p. 5]`, then the note),
 * CSV of the evidence table (RFC 4180, CRLF), and BibTeX or RIS of the documents it cites
 * (bibliography/ writers).
 * The keys are the same in every format.
 */
import type { CollectionExportFormat, EvidenceRow } from '../api.js';
import { EngineError } from '../errors.js';
import { nameText, toBibtex, toCsvText, toRis } from '../bibliography/index.js';
import type { Db } from '../store/db.js';
import { citedDocs, type CitedDoc } from './cite.js';
import { evidenceTable } from './table.js';

export const EXPORT_FORMATS: readonly CollectionExportFormat[] = ['md', 'csv', 'bib', 'ris'];

export const EVIDENCE_CSV_COLUMNS = ['id', 'key', 'title', 'authors', 'year', 'doi', 'path', 'page', 'page_label', 'quote',
  'note', 'tags', 'stance', 'query', 'query_mode', 'added'] as const;

/** "p. 5", or the printed label when it differs ("p. iv"); '' without a page. */
export function pageRef(r: Pick<EvidenceRow, 'page' | 'pageLabel'>): string {
  if (r.pageLabel && r.pageLabel !== String(r.page)) return `p. ${r.pageLabel}`;
  return r.page === null ? '' : `p. ${r.page}`;
}

export function exportCollection(db: Db, collection: string, format: CollectionExportFormat): string {
  if (!EXPORT_FORMATS.includes(format)) throw new EngineError('BAD_ARGUMENT', `format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const rows = evidenceTable(db, collection, { sort: 'document' });
  const docs = citedDocs(db, rows);
  switch (format) {
    case 'bib': return toBibtex(docs, docs.map((d) => d.key));
    case 'ris': return toRis(docs, docs.map((d) => d.key));
    case 'csv': return evidenceCsv(rows, docs);
    case 'md': return evidenceMarkdown(collection, rows, docs);
  }
}

export function evidenceCsv(rows: readonly EvidenceRow[], docs: readonly CitedDoc[]): string {
  const key = new Map(docs.map((d) => [d.path, d.key]));
  const cells = rows.map((r) => [
    String(r.id), key.get(r.path) ?? '', r.title ?? '', r.authors.join('; '), r.year === null ? '' : String(r.year), r.doi ?? '',
    r.path, r.page === null ? '' : String(r.page), r.pageLabel ?? '', r.quote, r.note, r.tags.join('; '), r.stance ?? '',
    r.query?.text ?? '', r.query?.mode ?? '', new Date(r.createdAt).toISOString(),
  ]);
  return toCsvText(EVIDENCE_CSV_COLUMNS, cells);
}

const quoteBlock = (text: string) => text.split(/\r\n|\r|\n/).map((l) => (l.trim() ? `> ${l}` : '>')).join('\n');

export function evidenceMarkdown(collection: string, rows: readonly EvidenceRow[], docs: readonly CitedDoc[]): string {
  const parts = [`# ${collection}`];
  for (const d of docs) {
    const byline = [d.authors.map(nameText).join('; '), d.year === null ? '' : String(d.year)].filter(Boolean).join(', ');
    parts.push(`## ${d.title ?? d.path} [@${d.key}]`);
    parts.push([byline, d.doi ? `doi:${d.doi}` : '', `\`${d.path}\``].filter(Boolean).join(' · '));
    for (const r of rows.filter((x) => x.path === d.path)) {
      const page = pageRef(r);
      parts.push(`${quoteBlock(r.quote)}\n>\n> — ${page ? `${page} ` : ''}[@${d.key}${page ? `, ${page}` : ''}]`);
      if (r.note.trim()) parts.push(r.note.trim());
      const meta = [r.stance ? `Stance: ${r.stance}` : '', r.tags.length ? `Tags: ${r.tags.join(', ')}` : '',
        r.query ? `Query: "${r.query.text}"${r.query.mode ? ` (${r.query.mode})` : ''}` : ''].filter(Boolean);
      if (meta.length) parts.push(`*${meta.join(' · ')}*`);
    }
  }
  return parts.join('\n\n') + '\n';
}
