/**
 * EPUB files: the OPF package (found through META-INF/container.xml) gives the metadata (title,
 * creators, date, identifiers → DOI, language) and the spine; each spine document is a chapter,
 * read through the HTML path (builder.ts) in spine order. A chapter is a page of the document:
 * its number is the chapter's place in the spine and its label the chapter's first heading, so a
 * citation reads "chapter 3" and the viewer opens that chapter. Content listed as encrypted in
 * META-INF/encryption.xml (DRM; obfuscated fonts are fine) is refused with DOC_ENCRYPTED.
 */
import { posix } from 'node:path';
import { EngineError } from '../../errors.js';
import type { ExtractedDoc, ExtractedPage } from '../../types.js';
import { addHtml, DocBuilder } from './builder.js';
import { parseDom, stripMarkup } from './html.js';
import { doiOf } from './meta.js';
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
  const manifest = new Map(elements(opf, 'item').map((i) => [i.attrs.id ?? '', { href: resolve(i.attrs.href ?? ''), type: i.attrs['media-type'] ?? '' }]));
  const spine = elements(opf, 'itemref').map((r) => manifest.get(r.attrs.idref ?? '')).filter((m) => m && CONTENT.test(m.type)) as { href: string }[];
  refuseEncrypted(zip, spine.map((s) => s.href), where);

  const b = new DocBuilder();
  const pages: ExtractedPage[] = [];
  const pageStarts: number[] = [];
  spine.forEach((item) => {
    const html = zip.text(item.href);
    if (html === null) return;
    const n = pages.length + 1;
    b.page = n;
    b.extra = { chapter: n, href: item.href };
    b.resetHeadings();
    const before = b.blocks.length;
    const sep = b.text.length > 0 ? 2 : 0;
    const start = b.text.length + sep;
    addHtml(parseDom(stripMarkup(html), where).body, b);
    if (b.blocks.length === before) return; // a cover image or an empty page: no chapter
    const firstHeading = b.blocks[before]!.headingPath[0] ?? null;
    pages.push({ number: n, label: firstHeading ?? `chapter ${n}`, text: b.text.slice(start), needsOcr: false });
    pageStarts.push(start);
  });
  const meta = (tag: string) => elements(opf, tag).map((e) => textOf(e.body)).filter(Boolean);
  const date = meta('dc:date')[0] ?? null;
  const y = date ? /\b(1[5-9]\d\d|20\d\d)\b/.exec(date) : null;
  return {
    kind: 'epub', title: meta('dc:title')[0] ?? null, authors: meta('dc:creator'), year: y ? Number(y[1]) : null,
    doi: doiOf(meta('dc:identifier')),
    metadata: { date, language: meta('dc:language')[0] ?? null, publisher: meta('dc:publisher')[0] ?? null, chapters: pages.length },
    text: b.text, pages, pageStarts, blocks: b.blocks, warnings: [],
  };
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
