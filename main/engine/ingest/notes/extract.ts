/**
 * A Markdown or plain-text note → ExtractedDoc (kind 'note', no pages). Pipeline: decode bytes
 * (decode.ts) → split off YAML front matter (front-matter.ts) → blocks with heading paths
 * (blocks.ts; Markdown structure only for .md/.markdown, paragraphs for anything else) → links and
 * tags (inline.ts). `text` is the body after the front matter; block offsets point into it.
 *
 * metadata: { frontMatter, tags, links, aliases, encoding, extractedFrom }.
 * title: front matter `title`, else the first H1, else the file name without its extension;
 * authors, year and DOI from the front matter. `extractedFrom` names each found field's source.
 */
import { basename, extname } from 'node:path';
import type { ExtractedSources } from '../../api-library.js';
import type { ExtractedDoc } from '../../types.js';
import { parseBlocks } from './blocks.js';
import { decodeText } from './decode.js';
import { frontMatterAliases, frontMatterAuthors, frontMatterDoi, frontMatterTags, frontMatterTitle, frontMatterYear } from './fields.js';
import { splitFrontMatter } from './front-matter.js';
import { dedupeTags, scanInline } from './inline.js';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);

export function extractNote(bytes: Uint8Array, opts: { path: string }): ExtractedDoc {
  const decoded = decodeText(bytes);
  const split = splitFrontMatter(decoded.text);
  const fm = split.frontMatter;
  const ext = extname(opts.path);
  const markdown = MARKDOWN_EXTENSIONS.has(ext.toLowerCase());
  const { blocks, firstH1 } = parseBlocks(split.body, { markdown, rawPrefix: split.invalidLength });
  const inline = scanInline(blocks);
  const fileTitle = basename(opts.path, ext) || null;
  const fmTitle = frontMatterTitle(fm);
  const title = fmTitle ?? firstH1 ?? fileTitle;
  const authors = frontMatterAuthors(fm);
  const year = frontMatterYear(fm);
  const doi = frontMatterDoi(fm);
  const extractedFrom: ExtractedSources = {};
  if (title !== null) extractedFrom.title = fmTitle !== null ? 'front-matter' : firstH1 ? 'note-text' : 'filename';
  if (authors.length > 0) extractedFrom.authors = 'front-matter';
  if (year !== null) extractedFrom.year = 'front-matter';
  if (doi !== null) extractedFrom.doi = 'front-matter';
  return {
    kind: 'note',
    title,
    authors,
    year,
    doi,
    metadata: {
      frontMatter: fm,
      tags: dedupeTags([...frontMatterTags(fm), ...inline.tags]),
      links: inline.links,
      aliases: frontMatterAliases(fm),
      encoding: decoded.encoding,
      extractedFrom,
    },
    text: split.body,
    pages: [],
    pageStarts: [],
    blocks: blocks.map((b) => ({ text: b.text, start: b.start, end: b.end, page: null, headingPath: b.headingPath })),
    warnings: [...decoded.warnings, ...split.warnings],
  };
}
