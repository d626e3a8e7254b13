/**
 * DOCX files: the body through mammoth (headings → heading path, paragraphs, lists and tables →
 * blocks; the locator is the paragraph ordinal), images not read. Comments and tracked changes are
 * read from the package's XML and kept apart: blocks under the heading path ["Comments", author] or
 * ["Tracked changes", "Insertions" | "Deletions"], each marked with its author and kind, so they are found but never mixed into
 * the text. Mammoth shows the document with insertions accepted, so deleted text lives only there.
 * Title, authors and year come from docProps/core.xml. Every part mammoth reads is inflated first by
 * the bounded ZIP reader (zip.ts), so a bomb, a truncated or an encrypted file fails with its code.
 */
import mammoth from 'mammoth';
import { EngineError } from '../../errors.js';
import type { ExtractedDoc } from '../../types.js';
import { addHtml, DocBuilder } from './builder.js';
import { parseDom } from './html.js';
import { doiOf } from './meta.js';
import { customProperties, dropTableOfContents, flattenMath } from './ooxml.js';
import { elements, textOf } from './xml.js';
import { ZipReader } from './zip.js';

export async function extractDocx(bytes: Uint8Array, opts: { path: string }): Promise<ExtractedDoc> {
  const where = `${opts.path}: `;
  const zip = new ZipReader(bytes, where);
  const parts = new Map<string, string>();
  for (const name of zip.entries.keys()) {
    if (/\.(xml|rels)$/i.test(name)) parts.set(name, zip.text(name) ?? '');
  }
  const body = parts.get('word/document.xml');
  if (body === undefined) throw new EngineError('DOC_CORRUPT', `${where}no word/document.xml: not a Word document`);
  parts.set('word/document.xml', dropTableOfContents(flattenMath(body)));
  let html: string;
  try {
    const r = await mammoth.convertToHtml(
      { file: packageFor(zip, parts) } as never,
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), ignoreEmptyParagraphs: true },
    );
    html = r.value;
  } catch (err) {
    throw new EngineError('DOC_CORRUPT', `${where}the document could not be read: ${(err as Error).message}`, { cause: err });
  }
  const b = new DocBuilder();
  addHtml(parseDom(`<html><body>${html}</body></html>`, where).body, b);
  addComments(parts.get('word/comments.xml') ?? '', b);
  addChanges(body, b);
  const core = parts.get('docProps/core.xml') ?? '';
  const title = textOf(elements(core, 'dc:title')[0]?.body ?? '') || null;
  const authors = elements(core, 'dc:creator').flatMap((e) => textOf(e.body).split(/\s*;\s*/)).filter(Boolean);
  const created = textOf(elements(core, 'dcterms:created')[0]?.body ?? '');
  const custom = customProperties(parts.get('docProps/custom.xml') ?? '');
  // The document's own date (pandoc writes its `date` as a custom property) before the file's creation
  // time, and that one only when it is not also the last modification to the second (a file made in
  // one go by a converter: pandoc's conversion time, not the work's).
  const date = custom.get('date') ?? null;
  const modified = textOf(elements(core, 'dcterms:modified')[0]?.body ?? '');
  const y = (date ? /\b(1[5-9]\d\d|20\d\d)\b/.exec(date) : null) ?? (created === modified ? null : /^(\d{4})/.exec(created));
  return {
    kind: 'docx', title, authors, year: y ? Number(y[1]) : null, doi: doiOf([custom.get('doi'), custom.get('identifier')]),
    metadata: { created: created || null, date },
    text: b.text, pages: [], pageStarts: [], blocks: b.blocks, warnings: [],
  };
}

/**
 * The package as mammoth reads it: mammoth's `{file}` input (lib/unzip.js) takes an opened archive
 * with `exists` and `read`. Served by the bounded reader, so nothing is inflated past its limits,
 * with the rewritten main part.
 */
function packageFor(zip: ZipReader, parts: Map<string, string>) {
  return {
    exists: (name: string) => zip.has(name),
    read: async (name: string, encoding?: string) => {
      const text = parts.get(name);
      if (text !== undefined && encoding && /^utf-?8$/i.test(encoding)) return text;
      const data = zip.read(name);
      if (!data) throw new Error(`${name} is missing`);
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
  };
}

function paragraphs(xml: string, textTag: string): string {
  return elements(xml, 'w:p').map((p) => elements(p.body, textTag).map((t) => textOf(t.body)).join('')).filter(Boolean).join('\n')
    || elements(xml, textTag).map((t) => textOf(t.body)).join('');
}

function addComments(xml: string, b: DocBuilder): void {
  for (const c of elements(xml, 'w:comment')) {
    const text = paragraphs(c.body, 'w:t');
    const author = c.attrs['w:author'] ?? '';
    b.add(`[comment${author ? ` by ${author}` : ''}] ${text}`, { kind: 'comment', id: c.attrs['w:id'] ?? '', author }, ['Comments', author || 'Unknown']);
  }
}

function addChanges(xml: string, b: DocBuilder): void {
  for (const [tag, kind, textTag] of [['w:ins', 'insertion', 'w:t'], ['w:del', 'deletion', 'w:delText']] as const) {
    for (const c of elements(xml, tag)) {
      const text = elements(c.body, textTag).map((t) => textOf(t.body)).join('');
      const author = c.attrs['w:author'] ?? '';
      if (text) b.add(`[${kind}${author ? ` by ${author}` : ''}] ${text}`, { kind, author }, ['Tracked changes', kind === 'insertion' ? 'Insertions' : 'Deletions']);
    }
  }
}
