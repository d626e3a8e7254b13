import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBlocks, type NoteBlock } from './blocks.js';
import { plainTitle } from './lines.js';

const md = (text: string) => parseBlocks(text, { markdown: true });
const summary = (blocks: NoteBlock[]) => blocks.map((b) => [b.kind, b.headingPath.join(' > '), b.text]);

function assertExactOffsets(text: string, blocks: NoteBlock[]): void {
  let prevEnd = 0;
  for (const b of blocks) {
    assert.equal(text.slice(b.start, b.end), b.text, `offsets of ${JSON.stringify(b.text)}`);
    assert.ok(b.start >= prevEnd, 'blocks are in order and do not overlap');
    assert.equal(b.page, null);
    prevEnd = b.end;
  }
}

test('ATX headings set the heading path; level n replaces levels ≥ n', () => {
  const text = '# A\n\npara a\n\n## B\n\npara b\n\n### C\n\npara c\n\n## D\n\npara d\n\n# E\n\npara e\n';
  const { blocks, firstH1 } = md(text);
  assertExactOffsets(text, blocks);
  assert.equal(firstH1, 'A');
  const paths = Object.fromEntries(blocks.filter((b) => b.kind === 'paragraph').map((b) => [b.text, b.headingPath]));
  assert.deepEqual(paths, {
    'para a': ['A'], 'para b': ['A', 'B'], 'para c': ['A', 'B', 'C'], 'para d': ['A', 'D'], 'para e': ['E'],
  });
});

test('the heading line is its own block carrying the path it opens', () => {
  const { blocks } = md('# Title\n\nIntro.\n\n## Part ##\nBody\n');
  assert.deepEqual(summary(blocks), [
    ['heading', 'Title', '# Title'],
    ['paragraph', 'Title', 'Intro.'],
    ['heading', 'Title > Part', '## Part ##'],
    ['paragraph', 'Title > Part', 'Body'],
  ]);
});

test('a heading directly followed by a deeper heading is not a block; a sibling keeps its block', () => {
  const { blocks } = md('# Doc\n## Empty\n## Full\ntext\n### Deep\nmore\n');
  assert.deepEqual(summary(blocks), [
    ['heading', 'Doc > Empty', '## Empty'],
    ['heading', 'Doc > Full', '## Full'],
    ['paragraph', 'Doc > Full', 'text'],
    ['heading', 'Doc > Full > Deep', '### Deep'],
    ['paragraph', 'Doc > Full > Deep', 'more'],
  ]);
});

test('skipped levels are absent; setext headings count', () => {
  const text = 'Big Title\n=========\n\n### Three\n\nx\n\nSub\nline two\n---\n\ny\n';
  const { blocks, firstH1 } = md(text);
  assertExactOffsets(text, blocks);
  assert.equal(firstH1, 'Big Title');
  assert.deepEqual(summary(blocks).filter(([k]) => k === 'paragraph'), [
    ['paragraph', 'Big Title > Three', 'x'],
    ['paragraph', 'Big Title > Sub line two', 'y'],
  ]);
});

test('fenced code is one block and "# comment" inside it is not a heading', () => {
  const text = '# Setup\n\nRun this:\n\n```bash\n# install deps\nnpm ci\n\n## not a heading either\n```\n\nAfter the fence.\n\n~~~~\n~~~\n# still code\n~~~~\nend\n';
  const { blocks } = md(text);
  assertExactOffsets(text, blocks);
  assert.deepEqual(summary(blocks), [
    ['heading', 'Setup', '# Setup'],
    ['paragraph', 'Setup', 'Run this:'],
    ['code', 'Setup', '```bash\n# install deps\nnpm ci\n\n## not a heading either\n```'],
    ['paragraph', 'Setup', 'After the fence.'],
    ['code', 'Setup', '~~~~\n~~~\n# still code\n~~~~'],
    ['paragraph', 'Setup', 'end'],
  ]);
});

test('an unclosed fence runs to the end; ```inline``` on one line is not a fence', () => {
  const { blocks } = md('```js```\n\n# Real\n\n```\n# code\n\n# more code\n');
  assert.deepEqual(summary(blocks), [
    ['paragraph', '', '```js```'],
    ['heading', 'Real', '# Real'],
    ['code', 'Real', '```\n# code\n\n# more code'],
  ]);
});

test('lists keep nested items, blank lines between items and indented fences in one block', () => {
  const text = '# L\n\n- one\n  - nested\n\n- two\n   ```sh\n   # comment in list fence\n   ```\n1. three\nlazy line\n\nParagraph after.\n';
  const { blocks } = md(text);
  assertExactOffsets(text, blocks);
  assert.deepEqual(summary(blocks), [
    ['heading', 'L', '# L'],
    ['list', 'L', '- one\n  - nested\n\n- two\n   ```sh\n   # comment in list fence\n   ```\n1. three\nlazy line'],
    ['paragraph', 'L', 'Paragraph after.'],
  ]);
});

test('tables, blockquotes and callouts are blocks; thematic breaks are not', () => {
  const text = 'Intro line\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n> [!note] Callout\n> body\nlazy\n\n***\n\n> quote\n# H\n';
  const { blocks } = md(text);
  assertExactOffsets(text, blocks);
  assert.deepEqual(summary(blocks), [
    ['paragraph', '', 'Intro line'],
    ['table', '', '| a | b |\n|---|:-:|\n| 1 | 2 |'],
    ['quote', '', '> [!note] Callout\n> body\nlazy'],
    ['quote', '', '> quote'],
    ['heading', 'H', '# H'],
  ]);
});

test('plain text: blank-line paragraphs only, no headings', () => {
  const text = '# not a heading\nsame paragraph\n\n```\nnot code\n```\n';
  const { blocks, firstH1 } = parseBlocks(text, { markdown: false });
  assertExactOffsets(text, blocks);
  assert.equal(firstH1, null);
  assert.deepEqual(summary(blocks), [
    ['paragraph', '', '# not a heading\nsame paragraph'],
    ['paragraph', '', '```\nnot code\n```'],
  ]);
});

test('a raw prefix (invalid front matter) is one paragraph, not a setext heading', () => {
  const text = '---\ntitle: [oops\n---\n# Real\nbody\n';
  const { blocks } = parseBlocks(text, { markdown: true, rawPrefix: '---\ntitle: [oops\n---'.length });
  assertExactOffsets(text, blocks);
  assert.deepEqual(summary(blocks), [
    ['paragraph', '', '---\ntitle: [oops\n---'],
    ['heading', 'Real', '# Real'],
    ['paragraph', 'Real', 'body'],
  ]);
});

test('heading titles are plain text and capped', () => {
  assert.equal(plainTitle('The **bold** [[Target|alias]] [[Plain]] `code` [link](x.md) ~~x~~ '), 'The bold alias Plain code link x');
  const long = md(`# ${'word '.repeat(1000)}\n`).blocks[0]!;
  assert.ok(long.headingPath[0]!.length <= 200);
});

test('leading/trailing whitespace lines and no trailing newline', () => {
  const text = '\n\n  para one  \n\n\tpara two';
  const { blocks } = md(text);
  assertExactOffsets(text, blocks);
  assert.deepEqual(blocks.map((b) => b.text), ['  para one  ', '\tpara two']);
  assert.deepEqual(md('').blocks, []);
});
