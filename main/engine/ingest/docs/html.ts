/**
 * HTML files (saved web pages, exported articles): the main content as @mozilla/readability finds
 * it, over a linkedom DOM — linkedom runs no script and loads nothing, and scripts, styles and
 * inline data URIs are cut from the markup before parsing, which also bounds the work on a saved
 * page full of embedded images. Title, authors, date and DOI come from <meta> tags (meta.ts); the
 * title failing them from the title block's `<h1 class="title">`, then Readability, then <title>. Markup still over 16 MiB after that is refused
 * (HTML_TOO_LARGE), so a 50 MB one-line file costs one linear scan, not a DOM of its size.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { EngineError } from '../../errors.js';
import type { ExtractedDoc } from '../../types.js';
import { decodeText } from '../notes/decode.js';
import { addHtml, DocBuilder, type HtmlNode } from './builder.js';
import { readMeta, type HtmlMeta } from './meta.js';
import { inlineText, squash } from './nodes.js';

export const MAX_HTML_MARKUP = 16 * 1048576;

/**
 * Markup without comments, scripts, styles and long data URIs (the parts that are never text).
 * Written as index scans, not regular expressions: a 50 MB data URI would overflow the regexp
 * engine's backtracking stack, and every step here is linear.
 */
export function stripMarkup(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let at = 0;
  const cut = (from: number, to: number, keep = '') => {
    out.push(html.slice(at, from), keep);
    at = to;
  };
  let i = 0;
  let data = lower.indexOf('data:');
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (data >= 0 && data < i) data = lower.indexOf('data:', i); // searched again only once passed: linear
    if (lt < 0 && data < 0) break;
    if (data >= 0 && (lt < 0 || data < lt)) {
      let end = data + 5;
      while (end < html.length && !STOP.has(html.charCodeAt(end))) end++;
      if (end - data > 64) cut(data, end, 'data:');
      i = end;
      continue;
    }
    if (lower.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      cut(lt, end < 0 ? html.length : end + 3);
      i = at;
      continue;
    }
    const tag = /^<(script|style|noscript|template)\b/.exec(lower.slice(lt, lt + 12))?.[1];
    if (tag) {
      const end = lower.indexOf(`</${tag}`, lt);
      const close = end < 0 ? html.length : html.indexOf('>', end);
      cut(lt, close < 0 ? html.length : close + 1);
      i = at;
      continue;
    }
    i = lt + 1;
  }
  out.push(html.slice(at));
  return out.join('');
}

/** Characters that end a data URI inside an attribute or CSS url(). */
const STOP = new Set([0x22, 0x27, 0x29, 0x3e, 0x20, 0x0a, 0x0d, 0x09]);

export interface Dom {
  body: HtmlNode;
  querySelector(sel: string): HtmlNode | null;
  querySelectorAll(sel: string): ArrayLike<HtmlNode>;
}

export function parseDom(html: string, where: string): Dom {
  if (html.length > MAX_HTML_MARKUP) {
    throw new EngineError('HTML_TOO_LARGE', `${where}${(html.length / 1048576).toFixed(1)} MiB of markup without scripts and images, over the ${MAX_HTML_MARKUP >> 20} MiB limit`);
  }
  // A fragment (no <html> or <body>, as `pandoc -t html` writes without -s) is wrapped: linkedom
  // would otherwise take its first element for the root and leave the body empty.
  const whole = /<(html|body)[\s>]/i.test(html);
  return parseHTML(whole ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document as unknown as Dom;
}

/** Share of the body's text above which Readability's article is taken to be the whole page. */
export const WHOLE_BODY = 0.8;

/** Document converters (HTML's `generator` meta name): their pages are one document, no boilerplate. */
const DOCUMENT_GENERATOR = /^\s*(pandoc|quarto|latexml|tex4ht|docutils|asciidoctor|microsoft word|libreoffice|openoffice)\b/i;

function visibleChars(body: HtmlNode): number {
  return inlineText(body).replace(/\s+/g, '').length;
}

export interface MainContent {
  root: HtmlNode;
  title: string | null;
  byline: string | null;
  meta: HtmlMeta;
  htmlTitle: string | null;
  /** The title block's own title (`<h1 class="title">`), which `<title>` may carry with a prefix (pandoc -T). */
  blockTitle: string | null;
}

/** The page's metadata, then its main content (Readability), else its body. */
export function mainContent(html: string, where: string): MainContent {
  const doc = parseDom(stripMarkup(html), where);
  const meta = readMeta(doc);
  const htmlTitle = doc.querySelector('title')?.textContent?.trim() || null;
  const h1 = doc.querySelector('h1.title');
  const blockTitle = h1 ? squash(inlineText(h1)) || null : null;
  // Readability turns h1 into h2: each heading's own level is kept in an attribute it leaves alone.
  const heads = doc.querySelectorAll('h1, h2, h3, h4, h5, h6');
  for (let i = 0; i < heads.length; i++) heads[i]!.setAttribute?.('data-level', heads[i]!.tagName!.slice(1));
  // Readability cuts a page's boilerplate, but on a page that is all document (an exported article:
  // pandoc, Word) it still drops parts of it: the title block, the abstract, hidden captions, short
  // sections. Such a page is read whole (tables of contents and navigation are skipped either way):
  // one whose <meta name="generator"> names a document converter, or one where Readability's
  // article holds nearly all the body's text, so that there was nothing to cut.
  const exported = DOCUMENT_GENERATOR.test(meta.tags.generator?.[0] ?? '');
  const bodyChars = exported ? 0 : visibleChars(doc.body); // before Readability, which changes the tree
  let article: ReturnType<Readability['parse']> = null;
  try {
    article = exported ? null : new Readability(doc as never, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  const kept = article?.textContent ? article.textContent.replace(/\s+/g, '').length : 0;
  if (article?.content && kept < WHOLE_BODY * bodyChars) {
    const inner = parseDom(`<html><body>${article.content}</body></html>`, where);
    return { root: inner.body, title: article.title || null, byline: article.byline || null, meta, htmlTitle, blockTitle };
  }
  const again = parseDom(stripMarkup(html), where); // Readability may have emptied the first copy
  return { root: again.body, title: article?.title || null, byline: article?.byline || null, meta, htmlTitle, blockTitle };
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
    kind: 'html', title: m.title ?? main.blockTitle ?? main.title ?? main.htmlTitle, authors, year: m.year, doi: m.doi,
    metadata: { encoding: decoded.encoding, date: m.date, meta: m.tags },
    text: b.text, pages: [], pageStarts: [], blocks: b.blocks, warnings: decoded.warnings,
  };
}
