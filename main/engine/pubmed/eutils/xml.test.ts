/** The small XML reader: structure, attributes, text, CDATA, entities, declarations, bad input. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { child, cleanText, decodeEntities, elements, parseXml, textOf } from './xml.js';

test('elements, attributes in either quote, self-closing tags, text', () => {
  const doc = parseXml(`<a x="1" y='two &amp; three'><b/><c z = "3">hi</c><b k=v>there</b></a>`);
  const a = child(doc, 'a')!;
  assert.deepEqual(a.attrs, { x: '1', y: 'two & three' });
  assert.equal(elements(a).length, 3);
  assert.equal(elements(a, 'b').length, 2);
  assert.deepEqual(elements(a, 'b')[0]!.children, []);
  assert.equal(child(a, 'c')!.attrs.z, '3');
  assert.equal(elements(a, 'b')[1]!.attrs.k, 'v');
  assert.equal(textOf(a), 'hithere');
});

test('<?xml?>, DOCTYPE with an internal subset, comments and CDATA', () => {
  const doc = parseXml(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "x.dtd" [ <!ENTITY foo "bar"> <!ELEMENT a (#PCDATA)> ]>
<!-- a comment with <tags> -->
<PubmedArticleSet><T><![CDATA[a < b && <i>not markup</i>]]> tail</T></PubmedArticleSet>`);
  assert.deepEqual(elements(doc).map((e) => e.name), ['PubmedArticleSet']);
  assert.equal(textOf(child(doc, 'PubmedArticleSet', 'T')), 'a < b && <i>not markup</i> tail');
});

test('entities: the five named, decimal and hex references, astral code points; unknown kept', () => {
  assert.equal(decodeEntities('&lt;&gt;&amp;&quot;&apos;'), `<>&"'`);
  assert.equal(decodeEntities('caf&#233; &#x3B2;-blocker &#X2014; &#x1F600;'), 'café β-blocker — 😀');
  assert.equal(decodeEntities('&nbsp; &bogus; & alone &#xD800;'), '&nbsp; &bogus; & alone \uFFFD');
  assert.equal(textOf(parseXml('<t>&#946;&lt;i&gt;</t>')), 'β<i>');
});

test('inline markup is kept in the tree and flattened by textOf / cleanText', () => {
  const doc = parseXml(`<ArticleTitle>Effects of <i>Helicobacter
      pylori</i> on CO<sub>2</sub> and 10<sup>-3</sup> <mml:math xmlns:mml="x"><mml:mi>x</mml:mi></mml:math></ArticleTitle>`);
  const t = child(doc, 'ArticleTitle')!;
  assert.deepEqual(elements(t).map((e) => e.name), ['i', 'sub', 'sup', 'mml:math']);
  assert.equal(cleanText(t), 'Effects of Helicobacter pylori on CO2 and 10-3 x');
});

test('forgiving: stray <, unmatched and unclosed tags never throw', () => {
  assert.equal(textOf(parseXml('<a>1 < 2 <= 3</a>')), '1 < 2 <= 3');
  const doc = parseXml('<a><b>x</c>y</b><d>z</a><e>');
  const a = child(doc, 'a')!;
  assert.equal(textOf(child(a, 'b')), 'xy', '</c> with no open <c> is ignored');
  assert.equal(textOf(child(a, 'd')), 'z', '</a> closes the open <d> too');
  assert.ok(child(doc, 'e'), 'an element left open at the end is kept');
  assert.doesNotThrow(() => parseXml('<a x="unterminated><b'));
  assert.doesNotThrow(() => parseXml('<![CDATA[never ends'));
  assert.doesNotThrow(() => parseXml(''));
});

test('linear on a large document', () => {
  const big = `<S>${'<R><P>1</P><T>a &amp; <i>b</i></T></R>'.repeat(50_000)}</S>`;
  const t0 = performance.now();
  const doc = parseXml(big);
  assert.equal(elements(child(doc, 'S'), 'R').length, 50_000);
  assert.ok(performance.now() - t0 < 3000);
});
