/**
 * PubMed records as bibliography entries (bibliography/): a journal article with its journal
 * (full title, else the abbreviation), the PMID and PMCID, the PubMed URL, language, abstract, and
 * MeSH headings (as MEDLINE shows them) then keywords.
 */
import type { BibEntry, BibName } from '../../bibliography/index.js';
import type { PubmedAuthor, PubmedRecord } from '../eutils/types.js';
import { meshLabel, pubmedUrl } from './export-fields.js';

export function pubmedName(a: PubmedAuthor): BibName {
  if ('collective' in a) return { literal: a.collective };
  return { family: a.last, given: a.fore ?? a.initials ?? '' };
}

export function recordEntry(r: PubmedRecord): BibEntry {
  return {
    type: 'article', fallbackKey: `pmid${r.pmid}`, title: r.title || null, authors: r.authors.map(pubmedName), year: r.year,
    journal: r.journal ?? r.journalAbbrev, doi: r.doi, pmid: r.pmid, pmcid: r.pmcid, url: pubmedUrl(r), language: r.language,
    abstract: r.abstract || null, keywords: [...r.mesh.map(meshLabel), ...r.keywords],
  };
}
