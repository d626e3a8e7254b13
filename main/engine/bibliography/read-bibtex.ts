/**
 * .bib files read with @retorquere/bibtex-parser (the parser Better BibTeX uses), without
 * sentence-casing (titles as written, braces removed): every entry becomes a Reference with its key,
 * authors (editors when there are none), year (year or date), journal (journal, journaltitle or
 * booktitle; an @article or an entry with a journal is an article), volume, number, pages, DOI, PMID (pmid, or eprint with eprinttype pubmed), abstract,
 * keywords, URL and attached files (`file`, `pdf`).
 */
import { parse, type Creator } from '@retorquere/bibtex-parser';
import type { BibName } from './entry.js';
import { parseFileField } from './file-field.js';
import { nfcReference, pmidOf, yearOf, type ReadResult, type Reference } from './reference.js';

function name(c: Creator): BibName | null {
  if (c.name) return { literal: c.name };
  const family = [c.prefix, c.lastName].filter(Boolean).join(' ').trim();
  const given = [c.firstName, c.suffix].filter(Boolean).join(', ').trim();
  return family ? { family, given } : given ? { literal: given } : null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function readBibtex(text: string): ReadResult {
  const lib = parse(text, { english: false, unsupported: 'ignore' });
  const errors = lib.errors.map((e) => e.error + (e.input ? `: ${e.input.slice(0, 80)}` : ''));
  const references: Reference[] = lib.entries.map((e) => {
    const f = e.fields as Record<string, unknown>;
    const creators = (e.fields.author?.length ? e.fields.author : e.fields.editor) ?? [];
    const journal = str(f.journal) ?? str(f.journaltitle);
    const eprintPmid = String(f.eprinttype ?? '').toLowerCase() === 'pubmed' ? pmidOf(str(f.eprint)) : null;
    const keywords = Array.isArray(f.keywords) ? f.keywords.map(String).map((k) => k.trim()).filter(Boolean) : [];
    return {
      type: journal || /^article$/i.test(e.type) ? 'article' as const : 'misc' as const,
      key: e.key || null, title: str(f.title), authors: creators.map(name).filter((n): n is BibName => n !== null),
      year: yearOf(str(f.year) ?? str(f.date)), journal: journal ?? str(f.booktitle), volume: str(f.volume), issue: str(f.number) ?? str(f.issue), pages: str(f.pages),
      doi: str(f.doi), pmid: pmidOf(str(f.pmid)) ?? eprintPmid, pmcid: str(f.pmcid), url: str(f.url), abstract: str(f.abstract),
      keywords, language: str(f.language) ?? str(f.langid),
      files: [...parseFileField(str(f.file) ?? ''), ...parseFileField(str(f.pdf) ?? '')],
    };
  });
  return { references: references.map(nfcReference), errors };
}
