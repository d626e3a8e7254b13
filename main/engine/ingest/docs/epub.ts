/**
 * EPUB files: the OPF package (found through META-INF/container.xml) gives the metadata (title,
 * creators, date, identifiers → DOI, language) and the spine; each spine document is a chapter,
 * read through the HTML path (builder.ts) in spine order. A chapter is a page of the document:
 * its number is the chapter's place in the spine (documents without text, such as a cover image,
 * and the navigation document not counted) and its label the chapter's first heading, so a
 * citation reads "chapter 3" and the viewer opens that chapter. Content listed as encrypted in
 * META-INF/encryption.xml (DRM; obfuscated fonts are fine) is refused with DOC_ENCRYPTED.
 */
import { posix } from 'node:path';
import { EngineError } from '../../errors.js';
import type { ExtractedDoc, ExtractedPage } from '../../types.js';
import { addHtml, DocBuilder, type HtmlNode } from './builder.js';
import { parseDom, stripMarkup, type Dom } from './html.js';
import { doiOf } from './meta.js';
import { headingOf, inlineText, isSkipped, squash } from './nodes.js';
import { elements, textOf } from './xml.js';
import { ZipReader } from './zip.js';

const CONTENT = /^(application\/xhtml\+xml|text\/html)$/;

export function extractEpub(bytes: Uint8Array, opts: { path: string }): ExtractedDoc {
  const where = `${opts.path}: `;
  const zip = new ZipReader(bytes, where);
  const container = zip.text('META-INF/container.xml');
  const opfPath = container ? elements(container, 'rootfile')[0]?.attrs['full-path'] : undefined;
  const opf = opfPath ? zip.text(opfPath) : null;
  if (!opfPath || opf === null) throw new EngineError('DOC_CORRUPT', `${where}no OPF package (META-INF/container.xml): not an EPUB`);
  const dir = posix.dirname(opfPath);
  const resolve = (href: string) => posix.normalize(posix.join(dir, safeDecode(href.split('#')[0]!)));
  const manifest = new Map(elements(opf, 'item').map((i) => [i.attrs.id ?? '', { href: resolve(i.attrs.href ?? ''), type: i.attrs['media-type'] ?? '', props: i.attrs.properties ?? '' }]));
  // The navigation document (EPUB 3 `properties="nav"`, EPUB 2 the guide's `toc` reference) lists the chapters: not content.
  const tocs = new Set(elements(opf, 'reference').filter((r) => /^toc$/i.test(r.attrs.type ?? '')).map((r) => resolve(r.attrs.href ?? '')));
  const spine = elements(opf, 'itemref').map((r) => manifest.get(r.attrs.idref ?? ''))
    .filter((m) => m && CONTENT.test(m.type) && !/(^|\s)nav(\s|$)/.test(m.props) && !tocs.has(m.href)) as { href: string }[];
  refuseEncrypted(zip, spine.map((s) => s.href), where);

  const b = new DocBuilder();
  let pageDate: string | null = null;
  const pages: ExtractedPage[] = [];
  const pageStarts: number[] = [];
  spine.forEach((item) => {
    const html = zip.text(item.href);
    if (html === null) return;
    const n = pages.length + 1;
    b.page = n;
    b.extra = { chapter: n, href: item.href };
    const dom = parseDom(stripMarkup(html), where);
    const body = dom.body;
    pageDate ??= titlePageDate(dom, pages.length === 0);
    // Spine documents are parts of one book: a chapter opening with an h2 (a book split at level 2)
    // stays under the h1 before it; one without a heading starts afresh.
    const first = firstHeading(body);
    b.keepHeadingsAbove(first?.level ?? 0);
    const before = b.blocks.length;
    const sep = b.text.length > 0 ? 2 : 0;
    const start = b.text.length + sep;
    addHtml(body, b);
    const empty = b.blocks.length === before;
    // A cover image or an empty page is no chapter; a bare part title (a heading alone, as a book
    // split at level 2 has for each h1 directly followed by an h2) is one, so chapters keep spine order.
    if (empty && !first) return;
    pages.push({ number: n, label: first?.title || titleLine(body) || `chapter ${n}`, text: empty ? '' : b.text.slice(start), needsOcr: false });
    pageStarts.push(empty ? b.text.length : start);
  });
  const meta = (tag: string) => elements(opf, tag).map((e) => textOf(e.body)).filter(Boolean);
  // A dc:date that is the very instant of dcterms:modified is when the file was made (pandoc writes
  // it so for a source without a date), not the work's date.
  const modified = elements(opf, 'meta').find((m) => m.attrs.property === 'dcterms:modified');
  const dcDate = meta('dc:date')[0] ?? null;
  const date = (dcDate && modified && textOf(modified.body) === dcDate ? null : dcDate) ?? pageDate;
  const y = date ? /\b(1[5-9]\d\d|20\d\d)\b/.exec(date) : null;
  return {
    kind: 'epub', title: meta('dc:title')[0] ?? null, authors: meta('dc:creator'), year: y ? Number(y[1]) : null,
    doi: doiOf(meta('dc:identifier')),
    metadata: { date, language: meta('dc:language')[0] ?? null, publisher: meta('dc:publisher')[0] ?? null, chapters: pages.length },
    text: b.text, pages, pageStarts, blocks: b.blocks, warnings: [],
  };
}

/** The document's first section heading (document order). */
function firstHeading(root: HtmlNode): { level: number; title: string } | null {
  for (let i = 0; i < root.childNodes.length; i++) {
    const c = root.childNodes[i]!;
    if (c.nodeType !== 1 || isSkipped(c)) continue;
    const h = headingOf(c) ?? firstHeading(c);
    if (h) return h;
  }
  return null;
}

/**
 * The date line (`class="date"`) of the title page, for a book whose OPF has no date: pandoc leaves
 * dc:date empty for a date it cannot normalise. The title page is marked (EPUB 3 structural
 * semantics `titlepage`, or that class) or, in EPUB 2, the first document with text.
 */
function titlePageDate(dom: Dom, first: boolean): string | null {
  const pages = dom.querySelectorAll('section, div, body');
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i]!;
    const marked = /(^|\s)titlepage(\s|$)/.test(`${p.getAttribute?.('epub:type') ?? ''} ${p.getAttribute?.('class') ?? ''}`);
    if (!marked && !(first && p === dom.body)) continue;
    const line = squash(inlineText(findByClass(p, 'date') ?? { nodeType: 3, textContent: '', childNodes: [] }));
    if (/\b(1[5-9]\d\d|20\d\d)\b/.test(line)) return line;
  }
  return null;
}

function findByClass(root: HtmlNode, cls: string): HtmlNode | null {
  for (let i = 0; i < root.childNodes.length; i++) {
    const c = root.childNodes[i]!;
    if (c.nodeType !== 1) continue;
    if ((c.getAttribute?.('class') ?? '').split(/\s+/).includes(cls)) return c;
    const f = findByClass(c, cls);
    if (f) return f;
  }
  return null;
}

/** A title page's title (pandoc: `<h1 class="title">`), the label of a chapter without a heading. */
function titleLine(root: HtmlNode): string | null {
  for (let i = 0; i < root.childNodes.length; i++) {
    const c = root.childNodes[i]!;
    if (c.nodeType !== 1 || isSkipped(c)) continue;
    if ((c.getAttribute?.('class') ?? '').split(/\s+/).includes('title')) return squash(inlineText(c)) || null;
    const t = titleLine(c);
    if (t) return t;
  }
  return null;
}

function refuseEncrypted(zip: ZipReader, hrefs: string[], where: string): void {
  const xml = zip.text('META-INF/encryption.xml');
  if (!xml) return;
  const content = new Set(hrefs);
  for (const e of elements(xml, 'enc:EncryptedData').concat(elements(xml, 'EncryptedData'))) {
    const method = /Algorithm="([^"]*)"/.exec(e.body)?.[1] ?? '';
    const uri = /URI="([^"]*)"/.exec(/CipherReference[^>]*/.exec(e.body)?.[0] ?? '')?.[1];
    const font = /obfuscation|font/i.test(method);
    if (uri && !font && content.has(posix.normalize(safeDecode(uri)))) {
      throw new EngineError('DOC_ENCRYPTED', `${where}the book is encrypted (DRM): ${uri}`);
    }
  }
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
