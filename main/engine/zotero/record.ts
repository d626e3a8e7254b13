/**
 * A Zotero item as a record document (kind 'reference', path `zotero:<data folder>#<item key>`),
 * whether or not it has a PDF: its text is the title, the abstract, the child notes, and lines for
 * tags and collections, under the title as heading path (chunk/record.ts), so search finds every regular item; `metadata.zotero` keeps the item (type,
 * journal, tags, collections, notes, other attachments) and `metadata.bib` what citations need.
 */
import { parseName, type BibName } from '../bibliography/index.js';
import { recordText } from '../chunk/record.js';
import type { ExtractedDoc } from '../types.js';
import { creatorName, type ZoteroItem } from './read.js';

export const recordPath = (library: string, itemKey: string) => `zotero:${library}#${itemKey}`;

/** The authors, or every creator when none is an author (as the overlay names them). */
const named = (item: ZoteroItem) => {
  const people = item.creators.filter((c) => c.creatorType === 'author');
  return people.length > 0 ? people : item.creators;
};

function bibNames(item: ZoteroItem): BibName[] {
  return named(item).flatMap((c): BibName[] => {
    if (!c.firstName.trim() && c.lastName.trim()) return [{ literal: c.lastName.trim() }];
    return c.lastName.trim() ? [{ family: c.lastName.trim(), given: c.firstName.trim() }] : c.firstName.trim() ? [parseName(c.firstName)] : [];
  });
}

export function itemDoc(item: ZoteroItem): ExtractedDoc {
  const { text, blocks } = recordText(item.title, [
    item.abstract, ...item.notes,
    item.tags.length ? `Tags: ${item.tags.join('; ')}` : null, item.collections.length ? `Collections: ${item.collections.join('; ')}` : null,
  ]);
  const authors = bibNames(item);
  return {
    kind: 'reference', title: item.title, authors: named(item).map(creatorName).filter(Boolean),
    year: item.year, doi: item.doi,
    metadata: {
      source: 'zotero', journal: item.journal, volume: item.volume, issue: item.issue, pages: item.pages, abstract: item.abstract, url: item.url,
      zotero: {
        key: item.key, itemType: item.itemType, journal: item.journal, tags: item.tags, collections: item.collections, notes: item.notes,
        date: item.date, url: item.url, creators: item.creators, attachments: item.attachments.map((a) => a.path), others: item.others,
      },
      bib: { type: item.journal ? 'article' : 'misc', authors, journal: item.journal },
    },
    text, pages: [], pageStarts: [], blocks, warnings: [],
  };
}
