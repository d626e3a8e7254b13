/**
 * HTML files (saved web pages, exported articles): the main content as @mozilla/readability finds
 * it, over a linkedom DOM — linkedom runs no script and loads nothing, and scripts, styles and
 * inline data URIs are cut from the markup before parsing, which also bounds the work on a saved
 * page full of embedded images. Title, authors, date and DOI come from <meta> tags (meta.ts), then
 * from Readability, then from <title>. Markup still over 16 MiB after that is refused
 * (HTML_TOO_LARGE), so a 50 MB one-line file costs one linear scan, not a DOM of its size.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { EngineError } from '../../errors.js';
import type { ExtractedDoc } from '../../types.js';
import { decodeText } from '../notes/decode.js';
import { addHtml, DocBuilder, type HtmlNode } from './builder.js';
import { readMeta, type HtmlMeta } from './meta.js';

export const MAX_HTML_MARKUP = 16 * 1048576;

/** Markup without scripts, styles, comments and data URIs (the parts that are never text). */
export function stripMarkup(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\bdata:[^"'\s)>]{64,}/gi, 'data:');
}

/** Parses markup into a DOM document (no scripts run, nothing fetched). */
export interface Dom {
  body: HtmlNode;
  querySelector(sel: string): HtmlNode | null;
  querySelectorAll(sel: string): ArrayLike<HtmlNode>;
}

export function parseDom(html: string, where: string): Dom {
  if (html.length > MAX_HTML_MARKUP) {
    throw new EngineError('HTML_TOO_LARGE', `${where}${(html.length / 1048576).toFixed(1)} MiB of markup without scripts and images, over the ${MAX_HTML_MARKUP >> 20} MiB limit`);
  }
  return parseHTML(html).document as unknown as Dom;
}

export interface MainContent { root: HtmlNode; title: string | null; byline: string | null; meta: HtmlMeta; htmlTitle: string | null }

/** The page's metadata, then its main content (Readability), else its body. */
export function mainContent(html: string, where: string): MainContent {
  const doc = parseDom(stripMarkup(html), where);
  const meta = readMeta(doc);
  const htmlTitle = doc.querySelector('title')?.textContent?.trim() || null;
  // Readability turns h1 into h2: each heading's own level is kept in an attribute it leaves alone.
  const heads = doc.querySelectorAll('h1, h2, h3, h4, h5, h6');
  for (let i = 0; i < heads.length; i++) heads[i]!.setAttribute?.('data-level', heads[i]!.tagName!.slice(1));
  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(doc as never, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  if (article?.content) {
    const inner = parseDom(`<html><body>${article.content}</body></html>`, where);
    return { root: inner.body, title: article.title || null, byline: article.byline || null, meta, htmlTitle };
  }
  const again = parseDom(stripMarkup(html), where); // Readability may have emptied the first copy
  return { root: again.body, title: null, byline: null, meta, htmlTitle };
}

export function extractHtml(bytes: Uint8Array, opts: { path: string }): ExtractedDoc {
  const where = `${opts.path}: `;
  const decoded = decodeText(bytes);
  const main = mainContent(decoded.text, where);
  const b = new DocBuilder();
  addHtml(main.root, b);
  const m = main.meta;
  const authors = m.authors.length > 0 ? m.authors : main.byline ? [main.byline.replace(/^by\s+/i, '').trim()] : [];
  return {
    kind: 'html', title: m.title ?? main.title ?? main.htmlTitle, authors, year: m.year, doi: m.doi,
    metadata: { encoding: decoded.encoding, date: m.date, meta: m.tags },
    text: b.text, pages: [], pageStarts: [], blocks: b.blocks, warnings: decoded.warnings,
  };
}
