/**
 * Layout on synthetic pdf.js text content: columns, bands, RTL, rotation, spacing, paragraphs.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type { TextContent } from './items.js';
import { composeAccents } from './lines.js';
import { layoutPage, pageLines } from './page.js';
import { joinLines } from './paragraphs.js';

interface ItemOpts { size?: number; dir?: 'ltr' | 'rtl'; width?: number; font?: string; angle?: number }

function item(str: string, x: number, y: number, o: ItemOpts = {}): Record<string, unknown> {
  const size = o.size ?? 10;
  const rad = ((o.angle ?? 0) * Math.PI) / 180;
  const [c, s] = [Math.cos(rad) * size, Math.sin(rad) * size];
  return {
    str, dir: o.dir ?? 'ltr', width: o.width ?? str.length * size * 0.5, height: size,
    transform: [c, s, -s, c, x, y], fontName: o.font ?? 'body', hasEOL: false,
  };
}

function content(items: Record<string, unknown>[]): TextContent {
  return { items, styles: {}, lang: null } as unknown as TextContent;
}

/** A column of `n` lines of ~40 characters (200 pt wide at size 10), 12 pt apart. */
function column(tag: string, x: number, top: number, n: number, dy = 12): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => item(`${tag}${i} `.padEnd(40, 'x'), x, top - i * dy));
}

const texts = (c: TextContent): string[] => pageLines(c).map((l) => l.text);

test('two columns under a full-width title: title, left column, right column, footer', () => {
  const items = [
    item('A Title That Spans Both Columns Of The Page Wide', 100, 760, { size: 16 }),
    ...column('R', 320, 700, 20), // the right column comes first in the content stream
    ...column('L', 60, 700, 20),
    item('Page footer that spans both of the columns below', 150, 60),
  ];
  const lines = texts(content(items));
  assert.equal(lines[0], 'A Title That Spans Both Columns Of The Page Wide');
  assert.deepEqual(lines.slice(1, 21).map((l) => l.slice(0, 3)), Array.from({ length: 20 }, (_, i) => `L${i} `.slice(0, 3)));
  assert.deepEqual(lines.slice(21, 41).map((l) => l.slice(0, 3)), Array.from({ length: 20 }, (_, i) => `R${i} `.slice(0, 3)));
  assert.equal(lines[41], 'Page footer that spans both of the columns below');
});

test('columns on offset baselines, with a paragraph gap in both at the same height, do not interleave', () => {
  const items = [
    ...column('L', 60, 700, 10), ...column('L', 60, 560, 10).map((it) => ({ ...it, str: `M${String(it.str).slice(1)}` })),
    ...column('R', 320, 705, 10), ...column('R', 320, 565, 10).map((it) => ({ ...it, str: `S${String(it.str).slice(1)}` })),
  ];
  const order = texts(content(items)).map((l) => l[0]).join('');
  assert.equal(order, 'L'.repeat(10) + 'M'.repeat(10) + 'R'.repeat(10) + 'S'.repeat(10));
});

test('a heading beside the first line of the other column stays in its column', () => {
  const items = [
    item('INTRODUCTION', 60, 700), ...column('R', 320, 700, 12), ...column('L', 60, 676, 10),
  ];
  const order = texts(content(items)).map((l) => l[0]).join('');
  assert.equal(order, 'I' + 'L'.repeat(10) + 'R'.repeat(12));
});

test('bullets and line numbers are no column: each stays with its line', () => {
  const items = Array.from({ length: 8 }, (_, i) => [
    item('•', 60, 700 - i * 12, { width: 4 }),
    item(`item ${i} with enough text to be a line`, 80, 700 - i * 12),
  ]).flat();
  assert.deepEqual(texts(content(items)), Array.from({ length: 8 }, (_, i) => `• item ${i} with enough text to be a line`));
});

test('spaces only where glyphs leave a gap; blank items ignored', () => {
  const items = [
    item('Hel', 60, 700, { width: 15 }), item('lo', 75, 700, { width: 10 }), item(' ', 85, 700, { width: 3 }),
    item('world', 88, 700, { width: 25 }), item('', 120, 700, { width: 0 }), item('1', 113.5, 704, { size: 6, width: 3 }),
  ];
  assert.deepEqual(texts(content(items)), ['Hello world1']);
});

test('right-to-left lines keep pdf.js order; rotated text comes after the page body', () => {
  const items = [
    item('مرحبا بالعالم', 300, 700, { dir: 'rtl', width: 100 }),
    item('R', 285, 700, { width: 8 }),
    item('و', 270, 700, { dir: 'rtl', width: 6 }),
    item('arXiv:2004.07180v4 [cs.CL]', 20, 300, { angle: 90 }),
    item('Python', 230, 700, { width: 39 }),
    item('هذا سطر ثان من النص العربي الطويل', 250, 686, { dir: 'rtl', width: 150 }),
  ];
  assert.deepEqual(texts(content(items)), ['مرحبا بالعالم R وPython', 'هذا سطر ثان من النص العربي الطويل', 'arXiv:2004.07180v4 [cs.CL]']);
});

test('a page whose text all runs upwards (rotated 90°) reads in its own frame', () => {
  // Text rotated 90° counter-clockwise: lines run up the page, successive lines move right.
  const items = ['first line of the rotated page', 'second line of the rotated page', 'third line of it']
    .map((s, i) => item(s, 100 + i * 12, 50, { angle: 90 }));
  assert.deepEqual(texts(content(items)), ['first line of the rotated page', 'second line of the rotated page', 'third line of it']);
});

test('paragraphs: a larger gap or an indented line after a full stop starts a new one; hyphens are joined', () => {
  const lines = [
    ['First paragraph line one that is long and runs', 60], ['on and ends with a hyphen retriev-', 60],
    ['al happens here and the sentence ends here.', 60], ['Indented second paragraph starts here and', 75],
    ['continues to the end.', 60],
  ] as const;
  const items = lines.map(([s, x], i) => item(s, x, 700 - i * 12, { width: 220 - (x - 60) }));
  items.push(item('Third paragraph after a gap.', 60, 700 - 4 * 12 - 30, { width: 220 }));
  const { paras } = layoutPage(content(items));
  assert.deepEqual(paras.map((p) => p.text), [
    'First paragraph line one that is long and runs on and ends with a hyphen retrieval happens here and the sentence ends here.',
    'Indented second paragraph starts here and continues to the end.',
    'Third paragraph after a gap.',
  ]);
});

test('headings: numbered lines in another font and section names stand alone', () => {
  const body = Array.from({ length: 6 }, (_, i) => item(`Body text line number ${i} with some words in it`, 60, 640 - i * 12, { width: 220 }));
  const items = [
    item('2.1 Data Collection', 60, 700, { font: 'bold', width: 90 }),
    item('Results', 60, 670, { font: 'bold', width: 35 }), ...body,
    item('3 results were bad and we said so in body font', 60, 560, { width: 220 }),
  ];
  const { paras } = layoutPage(content(items));
  assert.deepEqual(paras.filter((p) => p.heading).map((p) => [p.heading!.level, p.heading!.title]), [[2, '2.1 Data Collection'], [1, 'Results']]);
});

test('joinLines: hyphenation, compounds, capitals, CJK', () => {
  assert.equal(joinLines('the retriev-', 'al step'), 'the retrieval step');
  assert.equal(joinLines('a state-', 'of-the-art model'), 'a state-of-the-art model');
  assert.equal(joinLines('SCI-', 'DOCS covers'), 'SCI- DOCS covers');
  assert.equal(joinLines('line one', 'line two'), 'line one line two');
  assert.equal(joinLines('日本語の', '文章です'), '日本語の文章です');
  assert.equal(joinLines('한국어는', '띄어쓴다'), '한국어는 띄어쓴다');
});

test('TeX accents drawn as separate glyphs are composed', () => {
  assert.equal(composeAccents('Saier and F¨arber'), 'Saier and Färber');
  assert.equal(composeAccents('Radim ˇReh˚uˇrek'), 'Radim Řehůřek');
  assert.equal(composeAccents('Vall`es, na´ıve'), 'Vallès, naíve');
  assert.equal(composeAccents('rankˆ and x¨'), 'rankˆ and x¨');
});
