import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBlocks } from './blocks.js';
import { findLinks, findTags, maskCodeSpans, scanInline } from './inline.js';

const scan = (text: string) => scanInline(parseBlocks(text, { markdown: true }).blocks);
const link = (target: string, extra: { heading?: string; alias?: string; embed?: boolean; kind?: 'wikilink' | 'markdown' } = {}) =>
  ({ target, heading: extra.heading ?? null, alias: extra.alias ?? null, embed: extra.embed ?? false, kind: extra.kind ?? 'wikilink' });

test('wikilinks: plain, alias, heading, heading+alias, embed, same-note heading, table-escaped pipe', () => {
  const links = findLinks('See [[Note]], [[Other Note|the other]], [[Note#Usage]], [[Deep/Path#Part|p]], ![[diagram.png]], [[#Local]] and | [[Tab\\|alias]] |.');
  assert.deepEqual(links, [
    link('Note'),
    link('Other Note', { alias: 'the other' }),
    link('Note', { heading: 'Usage' }),
    link('Deep/Path', { heading: 'Part', alias: 'p' }),
    link('diagram.png', { embed: true }),
    link('', { heading: 'Local' }),
    link('Tab', { alias: 'alias' }),
  ]);
});

test('Markdown links to local .md files only', () => {
  const links = findLinks('[a](other.md) [b](dir/my%20note.md#Some%20Part) [c](<with space.markdown>) [d](https://x.com/page.md) [e](image.png) ![f](embed.md "title") [g](#anchor) [h](mailto:x@y.md)');
  assert.deepEqual(links, [
    link('other.md', { alias: 'a', kind: 'markdown' }),
    link('dir/my note.md', { heading: 'Some Part', alias: 'b', kind: 'markdown' }),
    link('with space.markdown', { alias: 'c', kind: 'markdown' }),
    link('embed.md', { alias: 'f', embed: true, kind: 'markdown' }),
  ]);
});

test('tags follow Obsidian rules', () => {
  const tags = findTags('#tag at start, #nested/tag, (#paren) #café #y2024 #snake_case #kebab-case\n#123 #2024 a#b page#anchor &#x27; #_ #- https://x.com/#frag [x](#anchor) [[Note#Heading]] #trailing/');
  assert.deepEqual(tags, ['tag', 'nested/tag', 'paren', 'café', 'y2024', 'snake_case', 'kebab-case', 'trailing']);
});

test('code fences and inline code are never scanned; headings give links but no tags', () => {
  const text = [
    '# Heading with [[Linked From Heading]] #not-a-tag-in-heading',
    '',
    'Real #real-tag and [[Real Link]] but `#code-tag [[Code Link]]` and ``a ` #x [[Y]]`` too.',
    '',
    '```bash',
    '# comment #fence-tag [[Fence Link]]',
    '```',
    '',
    '    ```',
    '    #indented-fence-tag',
    '    ```',
  ].join('\n');
  const r = scan(text);
  assert.deepEqual(r.tags, ['real-tag']);
  assert.deepEqual(r.links.map((l) => l.target), ['Linked From Heading', 'Real Link']);
});

test('tags and links are deduplicated (tags case-insensitively, first spelling kept)', () => {
  const r = scan('#Project and #project and #PROJECT/sub\n\n[[A]] [[A]] [[A|x]]\n');
  assert.deepEqual(r.tags, ['Project', 'PROJECT/sub']);
  assert.deepEqual(r.links, [link('A'), link('A', { alias: 'x' })]);
});

test('code spans are masked with same-length blanks; unmatched backticks are literal', () => {
  assert.equal(maskCodeSpans('a `b` c'), 'a     c');
  assert.equal(maskCodeSpans('x ``a`b`` y `z'), 'x         y `z');
  assert.equal(maskCodeSpans('``` only'), '``` only');
  const s = 'p `q` r ``s`` t';
  assert.equal(maskCodeSpans(s).length, s.length);
});

test('pathological input stays fast (bounded patterns)', () => {
  const nasty = '[['.repeat(200_000) + '[x'.repeat(200_000) + '#'.repeat(200_000) + '`'.repeat(100_000) + '](' .repeat(100_000);
  const t0 = performance.now();
  findLinks(maskCodeSpans(nasty));
  findTags(nasty);
  assert.ok(performance.now() - t0 < 2000, `took ${Math.round(performance.now() - t0)} ms`);
});
