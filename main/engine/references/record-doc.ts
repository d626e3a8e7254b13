/**
 * A reference record as a document (kind 'reference', path `ref:<identity>`), stored as PubMed
 * records are (pubmed/library/import.ts): title, authors ("Family, Given"), year and DOI in the
 * documents row; its text is the title, the abstract and a "Keywords:" line, under the title as
 * heading path (chunk/record.ts), chunked by the engine's chunker so search finds it; `metadata.bib` keeps the whole entry (citation key, names,
 * journal, volume, issue, pages, PMID, keywords, URL, attached files, sources) for exports.
 */
import { nameText } from '../bibliography/index.js';
import { recordText } from '../chunk/record.js';
import type { ExtractedDoc } from '../types.js';
import type { MergedRef } from './merge.js';

export function referenceDoc(r: MergedRef, files: readonly string[]): ExtractedDoc {
  const { text, blocks } = recordText(r.title, [r.abstract, r.keywords?.length ? `Keywords: ${r.keywords.join('; ')}` : null]);
  const bib = {
    type: r.type, citationKey: r.key, authors: r.authors, journal: r.journal ?? null, volume: r.volume ?? null, issue: r.issue ?? null,
    pages: r.pages ?? null, pmid: r.pmid ?? null, pmcid: r.pmcid ?? null, url: r.url ?? null, keywords: r.keywords ?? [],
    language: r.language ?? null, files, sources: r.members.map((m) => m.source),
  };
  return {
    kind: 'reference', title: r.title, authors: r.authors.map(nameText), year: r.year, doi: r.doi ?? null,
    metadata: { source: 'reference', journal: r.journal ?? null, volume: r.volume ?? null, issue: r.issue ?? null, pages: r.pages ?? null, abstract: r.abstract ?? null, bib },
    text, pages: [], pageStarts: [], blocks, warnings: [],
  };
}
