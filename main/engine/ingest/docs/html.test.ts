import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from './html.js';

const read = (html: string) => extractHtml(new TextEncoder().encode(html), { path: 'page.html' });
const para = (word: string) => `<p>${`The study of ${word} spans many paragraphs, with commas, clauses, and long sentences about method and results. `.repeat(4)}</p>`;

test('a fragment without <html> or <body> is read', () => {
  const d = read('<h1>Only</h1><p>fragment text</p>');
  assert.deepEqual(d.blocks.map((b) => [b.headingPath, b.text]), [[['Only'], 'fragment text']]);
});

test('a page that is all document is read whole: its title block and abstract are kept', () => {
  const d = read(`<html><head><title>T</title></head><body><header id="title-block-header"><h1 class="title">T</h1>
    <div class="abstract"><p>Abstract with abstractword.</p></div></header><h1>Intro</h1>${para('alpha')}${para('beta')}</body></html>`);
  assert.ok(d.text.includes('abstractword'));
  assert.deepEqual(d.blocks.at(-1)!.headingPath, ['Intro']);
});

test('a page with boilerplate is cut to its article (Readability)', () => {
  const junk = Array.from({ length: 30 }, (_, i) => `<li><a href="/x${i}">Related story number ${i} boilerword</a></li>`).join('');
  const d = read(`<html><body><div class="sidebar"><ul>${junk}</ul></div><article><h2>Story</h2>${para('gamma')}${para('delta')}${para('epsilon')}</article>
    <footer class="footer">${'Copyright footerword notice and many links. '.repeat(20)}</footer></body></html>`);
  assert.ok(d.text.includes('gamma'));
  assert.ok(!d.text.includes('boilerword') && !d.text.includes('footerword'), d.text.slice(0, 200));
});

test('the date from a <time datetime> or the title block when no <meta> has one', () => {
  assert.equal(read('<html><body><p class="date">15 July 2020, 10:00</p><p>x</p></body></html>').year, 2020);
  assert.equal(read('<html><body><time datetime="2019-02-03">Feb</time><p>x</p></body></html>').year, 2019);
});

test('without a meta title, the title of the title block wins over a prefixed <title>', () => {
  assert.equal(read('<html><head><title>My Site – Real Title</title></head><body><header><h1 class="title">Real <em>Title</em></h1></header><p>x</p></body></html>').title, 'Real Title');
  assert.equal(read('<html><head><title>Only Title</title></head><body><p>x</p></body></html>').title, 'Only Title');
});

test('a page made by a document converter is read whole even when its title block outweighs its body', () => {
  const abstract = `<div class="abstract"><p>${'A long abstract with abstractword and more words. '.repeat(30)}</p></div>`;
  const page = (generator: string) => `<html><head>${generator}<title>T</title></head><body><header id="title-block-header"><h1 class="title">T</h1>${abstract}</header>
    <h1>Intro</h1>${para('alpha')}</body></html>`;
  assert.ok(read(page('<meta name="generator" content="pandoc">')).text.includes('abstractword'));
  assert.ok(!read(page('')).text.includes('abstractword'), 'without it, Readability drops the header');
});
