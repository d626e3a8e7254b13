/** Metadata cases for the pandoc variants probe (test/acceptance/formats-pandoc-variants.test.ts). */
import type { Kind } from './pandoc-variants.js';

/**
 * Metadata outside the Markdown: HTML heads with Highwire citation_* or Dublin Core tags (through
 * --include-in-header, or a custom template filled from the YAML), an EPUB with --epub-metadata.
 * `files` are written to the working folder first; the source is `flags.md` unless `md` is given.
 */
export interface MetaCase {
  name: string;
  kind: Kind;
  args: string[];
  files: Record<string, string>;
  md?: string;
  title: string;
  authors: string[];
  year: number;
  doi: string | null;
}

export const META_CASES: MetaCase[] = [
  {
    name: 'citation', kind: 'html', args: ['-s', '-t', 'html5', '--metadata', 'pagetitle=Page Title', '--include-in-header', 'citation.head.html'],
    files: {
      'citation.head.html': `<meta name="citation_title" content="Citation Title Wins">
<meta name="citation_author" content="Curie, Marie"><meta name="citation_author" content="Noether, Emmy"><meta name="citation_author" content="Meitner, Lise">
<meta name="citation_publication_date" content="2016/01/02"><meta name="citation_doi" content="10.1234/cite.2016">`,
    },
    title: 'Citation Title Wins', authors: ['Curie, Marie', 'Noether, Emmy', 'Meitner, Lise'], year: 2016, doi: '10.1234/cite.2016',
  },
  {
    name: 'dublincore', kind: 'html', args: ['-s', '-t', 'html5', '--metadata', 'pagetitle=Page Title', '--include-in-header', 'dc.head.html'],
    files: {
      'dc.head.html': `<meta name="DC.title" content="Dublin Core Title"><meta name="DC.creator" content="Ada Lovelace"><meta name="DC.creator" content="Alan Turing">
<meta name="dcterms.date" content="2015-06-07"><meta name="DC.identifier" content="doi:10.4321/dc.2015">`,
    },
    title: 'Dublin Core Title', authors: ['Ada Lovelace', 'Alan Turing'], year: 2015, doi: '10.4321/dc.2015',
  },
  {
    name: 'template', kind: 'html', args: ['-s', '--template', 'citation.tpl.html'],
    md: '---\ntitle: Templated Title\nauthor: [Tem Plate, Pat Tern]\ndate: 2014-08-09\ndoi: 10.7777/tpl.2014\n---\n\n# Sec\n\nTemplated body.\n',
    files: {
      'citation.tpl.html': `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>$pagetitle$</title>
<meta name="citation_title" content="$title$">
$for(author)$<meta name="citation_author" content="$author$">
$endfor$<meta name="citation_publication_date" content="$date$">
<meta name="citation_doi" content="$doi$">
</head><body>
$body$
</body></html>
`,
    },
    title: 'Templated Title', authors: ['Tem Plate', 'Pat Tern'], year: 2014, doi: '10.7777/tpl.2014',
  },
  {
    name: 'epub-metadata', kind: 'epub', args: ['-t', 'epub3', '--epub-metadata', 'epub-meta.xml', '--metadata', 'title=Meta Book'],
    files: {
      'epub-meta.xml': `<dc:identifier id="doi" opf:scheme="DOI">doi:10.8888/epubmeta.2013</dc:identifier>
<dc:creator opf:role="aut">Mia Meta</dc:creator>
<dc:date>2013-04-05</dc:date>
`,
    },
    title: 'Meta Book', authors: ['Mia Meta'], year: 2013, doi: '10.8888/epubmeta.2013',
  },
];
