/**
 * A reference record as a document (kind 'reference', path `ref:<identity>`), stored as PubMed
 * records are (pubmed/library/import.ts): title, authors ("Family, Given"), year and DOI in the
 * documents row; its text is the title, the abstract and a "Keywords:" line, chunked by the
 * engine's chunker so search finds it; `metadata.bib` keeps the whole entry (citation key, names,
 * journal, volume, issue, pages, PMID, keywords, URL, attached files, sources) for exports.
 */
import { nameText } from '../bibliography/index.js';
import type { Block, ExtractedDoc } from '../types.js';
import type { MergedRef } from './merge.js';

export function referenceDoc(r: MergedRef, files: readonly string[]): ExtractedDoc {
  const parts = [r.title ?? '', r.abstract ?? '', r.keywords?.length ? `Keywords: ${r.keywords.join('; ')}` : '']
    .map((p) => p.trim()).filter((p) => p.length > 0);
  const blocks: Block[] = [];
  let at = 0;
  for (const p of parts) {
    blocks.push({ text: p, start: at, end: at + p.length, page: null, headingPath: [] });
    at += p.length + 2;
  }
  const bib = {
    type: r.type, citationKey: r.key, authors: r.authors, journal: r.journal ?? null, volume: r.volume ?? null, issue: r.issue ?? null,
    pages: r.pages ?? null, pmid: r.pmid ?? null, pmcid: r.pmcid ?? null, url: r.url ?? null, keywords: r.keywords ?? [],
    language: r.language ?? null, files, sources: r.members.map((m) => m.source),
  };
  return {
    kind: 'reference', title: r.title, authors: r.authors.map(nameText), year: r.year, doi: r.doi ?? null,
    metadata: { source: 'reference', journal: r.journal ?? null, volume: r.volume ?? null, issue: r.issue ?? null, pages: r.pages ?? null, abstract: r.abstract ?? null, bib },
    text: parts.join('\n\n'), pages: [], pageStarts: [], blocks, warnings: [],
  };
}
