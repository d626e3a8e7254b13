import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { extractEpub } from './epub.js';

const chapter = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>t</title></head><body>${body}</body></html>`;

function epub(metadata: string, docs: Record<string, string>, spine: string[]): Uint8Array {
  const items = Object.keys(docs).map((id) => `<item id="${id}" href="${id}.xhtml" media-type="application/xhtml+xml"${id === 'nav' ? ' properties="nav"' : ''}/>`).join('');
  const opf = `<?xml version="1.0"?><package version="3.0" xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${metadata}</metadata>
    <manifest>${items}</manifest><spine>${spine.map((id) => `<itemref idref="${id}"/>`).join('')}</spine></package>`;
  const files: Record<string, Uint8Array> = {
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8('<?xml version="1.0"?><container><rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'),
    'OPS/book.opf': strToU8(opf),
  };
  for (const [id, body] of Object.entries(docs)) files[`OPS/${id}.xhtml`] = strToU8(chapter(body));
  return zipSync(files);
}

test('the nav document is no chapter; a bare part title is one; a chapter split at h2 stays under its h1', () => {
  const d = extractEpub(epub('<dc:title>B</dc:title>', {
    nav: '<h1>Contents</h1><ol><li><a href="p1.xhtml">Part</a></li></ol>', // properties="nav": skipped whatever its markup
    p1: '<h1>Part</h1>', c1: '<h2>Chap</h2><p>text</p>',
  }, ['nav', 'p1', 'c1']), { path: 'b.epub' });
  assert.deepEqual(d.pages.map((p) => [p.number, p.label]), [[1, 'Part'], [2, 'Chap']]);
  assert.deepEqual(d.blocks.map((b) => [b.page, b.headingPath]), [[2, ['Part', 'Chap']]]);
});

test('dc:date equal to dcterms:modified is the making of the file, not the work', () => {
  const body = { c1: '<h1>A</h1><p>x</p>' };
  const made = extractEpub(epub('<dc:date>2026-12-07T22:18:15Z</dc:date><meta property="dcterms:modified">2026-12-07T22:18:15Z</meta>', body, ['c1']), { path: 'b.epub' });
  assert.equal(made.year, null);
  const dated = extractEpub(epub('<dc:date>2019-05-06</dc:date><meta property="dcterms:modified">2026-12-07T22:18:15Z</meta>', body, ['c1']), { path: 'b.epub' });
  assert.equal(dated.year, 2019);
});
