/**
 * Bibliographic fields from HTML <meta> tags, read as Zotero's Embedded Metadata translator reads
 * them: Highwire `citation_*` first, then Dublin Core (`DC.*` / `dc.*` / `dcterms.*`), then Open
 * Graph and plain `author`; the DOI also from `citation_doi`, `DC.identifier` or `prism.doi`. The
 * date, failing every tag, from the page's `<time datetime>` or title-block date line.
 */
import type { HtmlNode } from './builder.js';

export interface HtmlMeta {
  title: string | null;
  authors: string[];
  date: string | null;
  year: number | null;
  doi: string | null;
  tags: Record<string, string[]>;
}

interface MetaDoc { querySelectorAll(sel: string): ArrayLike<HtmlNode> }

export function readMeta(doc: MetaDoc): HtmlMeta {
  const tags: Record<string, string[]> = {};
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const name = (m.getAttribute?.('name') ?? m.getAttribute?.('property') ?? '').trim().toLowerCase();
    const content = (m.getAttribute?.('content') ?? '').trim();
    if (name && content) (tags[name] ??= []).push(content);
  }
  const first = (...names: string[]) => names.map((n) => tags[n]?.[0]).find(Boolean) ?? null;
  const all = (...names: string[]) => names.map((n) => tags[n] ?? []).find((v) => v.length > 0) ?? [];
  const authors = all('citation_author', 'dc.creator', 'dcterms.creator', 'author', 'article:author')
    .flatMap((a) => (a.includes(';') ? a.split(';') : [a])).map((a) => a.trim()).filter(Boolean);
  const date = first('citation_publication_date', 'citation_date', 'citation_online_date', 'dc.date', 'dcterms.date', 'dcterms.issued', 'article:published_time', 'date')
    ?? pageDate(doc);
  const y = date ? /\b(1[5-9]\d\d|20\d\d)\b/.exec(date) : null;
  return {
    title: first('citation_title', 'dc.title', 'dcterms.title', 'og:title'),
    authors,
    date,
    year: y ? Number(y[1]) : null,
    doi: doiOf([first('citation_doi'), first('prism.doi'), ...all('dc.identifier', 'dcterms.identifier')]),
    tags,
  };
}

/**
 * Without a dated <meta>: the page's own date line, a `<time datetime>` or the title block's
 * `class="date"` (pandoc writes a date it cannot normalise only there).
 */
function pageDate(doc: MetaDoc): string | null {
  const time = doc.querySelectorAll('time[datetime]')[0]?.getAttribute?.('datetime')?.trim();
  if (time) return time;
  const line = doc.querySelectorAll('.date')[0]?.textContent?.replace(/\s+/g, ' ').trim();
  return line && /\b(1[5-9]\d\d|20\d\d)\b/.test(line) ? line : null;
}

export function doiOf(values: (string | null | undefined)[]): string | null {
  for (const v of values) {
    const m = v ? /\b(10\.\d{4,9}\/[^\s"<>]+)/.exec(v) : null;
    if (m) return m[1]!.replace(/[.,;]+$/, '').toLowerCase();
  }
  return null;
}
