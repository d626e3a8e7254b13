import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChunkDraft, ExtractedDoc } from '../types.js';
import { chunkBlocks } from './chunker.js';
import { splitLongBlock } from './units.js';

const OPTS = { targetChars: 300, overlapChars: 40 };

function oneBlockDoc(text: string): ExtractedDoc {
  return {
    kind: 'note', title: null, authors: [], year: null, doi: null, metadata: {}, text, pages: [], pageStarts: [],
    blocks: [{ text, start: 0, end: text.length, page: null, headingPath: ['H'] }], warnings: [],
  };
}

function check(text: string, chunks: ChunkDraft[]): void {
  assert.ok(chunks.length > 1);
  for (const c of chunks) {
    assert.equal(text.slice(c.start, c.end), c.text);
    assert.ok(c.text.length <= OPTS.targetChars, `${c.text.length} chars`);
  }
  assert.equal(chunks[0]!.start, 0);
  assert.equal(chunks[chunks.length - 1]!.end, text.trimEnd().length);
  for (let i = 1; i < chunks.length; i++) assert.ok(chunks[i]!.start <= chunks[i - 1]!.end, 'no text is lost between chunks');
}

const units = (text: string, max: number) => {
  const out: string[] = [];
  splitLongBlock(text, 0, text.length, max, (s, e) => out.push(text.slice(s, e)));
  return out;
};

test('a long paragraph is split at sentence ends (. ! ? with closing quotes)', () => {
  assert.deepEqual(units('One two. Three "four!" Five? Six', 100), ['One two.', 'Three "four!"', 'Five?', 'Six']);
  assert.deepEqual(units('Pi is 3.14 here. Next', 100), ['Pi is 3.14 here.', 'Next']);
  const text = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} says something short!`).join(' ');
  const chunks = chunkBlocks(oneBlockDoc(text), OPTS);
  check(text, chunks);
  for (const c of chunks) assert.match(c.text, /[.!?]$/, 'chunks end at a sentence end');
});

test('CJK sentences end at 。！？ even without spaces', () => {
  assert.deepEqual(units('今日は晴れ。明日は雨！本当？はい', 100), ['今日は晴れ。', '明日は雨！', '本当？', 'はい']);
  const text = '日本語の文章です。'.repeat(200);
  const chunks = chunkBlocks(oneBlockDoc(text), OPTS);
  check(text, chunks);
  for (const c of chunks) assert.ok(c.text.endsWith('。'));
  assert.ok(chunks.slice(1).every((c) => c.start < chunks[c.ordinal - 1]!.end), 'CJK chunks overlap too');
});

test('a sentence longer than the limit falls back to line breaks, then whitespace', () => {
  const lines = Array.from({ length: 30 }, (_, i) => `line ${i} of code without any full stop`).join('\n');
  for (const u of units(lines, 120)) assert.ok(u.length <= 120 && !u.startsWith('\n'));
  assert.ok(units(lines, 120).every((u) => lines.includes(`${u}\n`) || lines.endsWith(u)), 'cuts at line ends');
  const words = 'word '.repeat(500).trim();
  const chunks = chunkBlocks(oneBlockDoc(words), OPTS);
  check(words, chunks);
  for (const c of chunks.slice(0, -1)) assert.match(words[c.end] ?? ' ', /\s/, 'cut at whitespace');
});

test('no whitespace at all: hard cuts that never split a surrogate pair', () => {
  const text = '𠀀'.repeat(1000); // U+20000, a letter outside the BMP
  const chunks = chunkBlocks(oneBlockDoc(text), OPTS);
  check(text, chunks);
  for (const c of chunks) assert.ok(!/[\uD800-\uDBFF]$/.test(c.text) && !/^[\uDC00-\uDFFF]/.test(c.text));
  assert.ok(units('x'.repeat(1000), 100).every((u) => u.length === 100));
});
