import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { addHtml, DocBuilder, type HtmlNode } from './builder.js';

const blocks = (body: string, b = new DocBuilder()) => {
  addHtml((parseHTML(`<html><body>${body}</body></html>`).document as unknown as { body: HtmlNode }).body, b);
  return b.blocks.map((x) => [x.headingPath.join(' > '), x.text]);
};

test('a note sits under the heading path of its reference, without its back link; the reference mark is not text', () => {
  const got = blocks(`<h1>A</h1><h2>Home</h2><p>See<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>.</p>
    <h2>Later</h2><p>later</p>
    <section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"><p>The note.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>`);
  assert.deepEqual(got, [['A > Home', 'See.'], ['A > Later', 'later'], ['A > Home', 'The note.']]);
});

test('a note referenced from a heading is under that heading, whose title loses the mark', () => {
  const got = blocks(`<h1>Title<a href="#fn1" role="doc-noteref" id="r1">1</a></h1><p>word<a href="#fn2" role="doc-noteref">2</a> next</p><h1>Z</h1>
    <ol><li id="fn1">heading note</li><li id="fn2">other</li></ol>`);
  assert.deepEqual(got, [['Title', 'word next'], ['Title', 'heading note'], ['Title', 'other']]);
});

test('EPUB 3 noterefs and mammoth DOCX notes are notes too', () => {
  assert.deepEqual(blocks(`<h1>X</h1><p>a<a epub:type="noteref" href="#n1">1</a></p><h1>Y</h1><aside epub:type="footnote" id="n1"><p>epub note</p></aside>`).at(-1), ['X', 'epub note']);
  assert.deepEqual(blocks(`<h1>X</h1><p>a<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><h1>Y</h1><ol><li id="footnote-1"><p>docx note <a href="#footnote-ref-1">↑</a></p></li></ol>`).at(-1), ['X', 'docx note']);
});

test('tables of contents and navigation are not text; title-block lines are text, not headings', () => {
  const got = blocks(`<div id="header"><h1 class="title">Doc</h1><h2 class="author">Ann</h2><h3 class="date">2020</h3></div>
    <div id="TOC"><ul><li><a href="#s">Section</a></li></ul></div><nav role="doc-toc"><a href="#s">Section</a></nav>
    <h1 id="s">Section</h1><p>body</p>`);
  assert.deepEqual(got, [['', 'Doc'], ['', 'Ann'], ['', '2020'], ['Section', 'body']]);
  assert.deepEqual(blocks('<h2 class="title">Block heading</h2><p>kept</p>'), [['Block heading', 'kept']], 'a section titled by class is still a section');
});

test('MathML is read as its TeX annotation; a lone image by its alt text unless a caption shows it', () => {
  const math = '<math><semantics><mrow><mi>x</mi></mrow><annotation encoding="application/x-tex">x + \\text{marker}</annotation></semantics></math>';
  assert.deepEqual(blocks(`<p>Inline ${math} end</p>`), [['', 'Inline x + \\text{marker} end']]);
  assert.deepEqual(blocks('<figure><img src="a.png" alt="A cat"></figure>'), [['', 'A cat']]);
  assert.deepEqual(blocks('<figure><img src="a.png" alt="A cat"><figcaption>A cat</figcaption></figure>'), [['', 'A cat']]);
  assert.deepEqual(blocks('<p>See <img src="b.png" alt="a badge"> here</p>'), [['', 'See a badge here']]);
  assert.deepEqual(blocks('<p><img src="" alt="Fig. 1 cat"></p><p>Fig. 1 cat</p><p><img src="" alt="Lone"></p>'), [['', 'Fig. 1 cat'], ['', 'Lone']], 'a Word figure once');
});

test('a builder keeps only the headings above a level (an EPUB chapter split at level 2)', () => {
  const b = new DocBuilder();
  blocks('<h1>Part</h1><h2>One</h2><p>x</p>', b);
  b.keepHeadingsAbove(2);
  assert.deepEqual(blocks('<h2>Two</h2><p>y</p>', b).at(-1), ['Part > Two', 'y']);
  b.keepHeadingsAbove(0);
  assert.deepEqual(blocks('<p>z</p>', b).at(-1), ['', 'z']);
});

test('deeply nested inline markup is read without exhausting the stack', () => {
  const depth = 50_000;
  assert.deepEqual(blocks(`<p>${'<span>'.repeat(depth)}deep${'</span>'.repeat(depth)}</p>`), [['', 'deep']]);
});
