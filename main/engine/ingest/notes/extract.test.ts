import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EngineError } from '../../errors.js';
import type { ExtractedDoc } from '../../types.js';
import { extractNote } from './extract.js';

const note = (text: string, path = '/vault/My Note.md') => extractNote(new Uint8Array(Buffer.from(text)), { path });

function assertBlocksExact(doc: ExtractedDoc): void {
  for (const b of doc.blocks) {
    assert.equal(doc.text.slice(b.start, b.end), b.text);
    assert.equal(b.page, null);
  }
}

const FULL = [
  '---',
  'title: Zebrafish fin regeneration',
  'authors: [Ada One, Bo Two]',
  'date: 2021-03-04',
  'doi: https://doi.org/10.1000/zf.42',
  'tags: [biology, "#regeneration"]',
  'aliases: [fins]',
  '---',
  '# Ignored H1 because front matter has a title',
  '',
  'Fins regrow. See [[Methods#Imaging|imaging]] and ![[fin.png]] and [prior](notes/prior.md). #lab/protocol #Biology',
  '',
  '## Results',
  '',
  '```python',
  '# not a heading #not-a-tag [[Not A Link]]',
  '```',
  '',
].join('\n');

test('a note with front matter: title, authors, year, doi, tags, links, aliases, encoding', () => {
  const doc = note(FULL);
  assert.equal(doc.kind, 'note');
  assert.equal(doc.title, 'Zebrafish fin regeneration');
  assert.deepEqual(doc.authors, ['Ada One', 'Bo Two']);
  assert.equal(doc.year, 2021);
  assert.equal(doc.doi, '10.1000/zf.42');
  assert.deepEqual(doc.pages, []);
  assert.deepEqual(doc.pageStarts, []);
  assert.deepEqual(doc.warnings, []);
  const m = doc.metadata;
  assert.deepEqual(m.tags, ['biology', 'regeneration', 'lab/protocol']);
  assert.deepEqual(m.aliases, ['fins']);
  assert.equal(m.encoding, 'utf-8');
  assert.equal((m.frontMatter as Record<string, unknown>).date, '2021-03-04');
  assert.deepEqual(m.links, [
    { target: 'Methods', heading: 'Imaging', alias: 'imaging', embed: false, kind: 'wikilink' },
    { target: 'fin.png', heading: null, alias: null, embed: true, kind: 'wikilink' },
    { target: 'notes/prior.md', heading: null, alias: 'prior', embed: false, kind: 'markdown' },
  ]);
  assert.ok(doc.text.startsWith('# Ignored H1'), 'text is the body after the front matter');
  assertBlocksExact(doc);
  const code = doc.blocks.find((b) => b.text.startsWith('```python'));
  assert.deepEqual(code?.headingPath, ['Ignored H1 because front matter has a title', 'Results']);
});

test('title falls back to the first H1, then to the file name without extension', () => {
  assert.equal(note('Intro\n\n# First H1\n\n# Second\n').title, 'First H1');
  assert.equal(note('## Only H2\n\ntext\n', '/a/b/Reading list.md').title, 'Reading list');
  assert.equal(note('---\ntitle: ""\n---\n# From H1\n').title, 'From H1');
});

test('invalid front matter: warning, and it is body text (a paragraph, not a heading)', () => {
  const text = '---\ntitle: [unclosed\n---\nBody #tag\n';
  const doc = note(text);
  assert.deepEqual(doc.warnings.map((w) => w.code), ['FRONT_MATTER_INVALID']);
  assert.equal(doc.text, text);
  assert.equal(doc.title, 'My Note');
  assert.deepEqual(doc.metadata.frontMatter, {});
  assert.deepEqual(doc.blocks.map((b) => [b.text, b.headingPath]), [['---\ntitle: [unclosed\n---', []], ['Body #tag', []]]);
  assert.deepEqual(doc.metadata.tags, ['tag']);
});

test('.txt notes get no Markdown headings; .markdown and .MD are Markdown', () => {
  const txt = note('---\ntags: x\n---\n# Not heading\nstill the same paragraph\n', '/n/plain.txt');
  assert.equal(txt.title, 'plain');
  assert.deepEqual(txt.blocks.map((b) => b.headingPath), [[]]);
  assert.deepEqual(txt.metadata.tags, ['x']);
  assert.equal(note('# Yes\n', '/n/a.markdown').title, 'Yes');
  assert.deepEqual(note('# Yes\n\nbody\n', '/n/a.MD').blocks[1]?.headingPath, ['Yes']);
});

test('encoding problems surface as warnings or ENCODING_UNSUPPORTED', () => {
  const latin = extractNote(new Uint8Array(Buffer.from('# Crème\n\ncrème brûlée\n', 'latin1')), { path: '/n/latin.md' });
  assert.equal(latin.title, 'Crème');
  assert.equal(latin.metadata.encoding, 'windows-1252');
  assert.deepEqual(latin.warnings.map((w) => w.code), ['NOT_UTF8']);
  assert.throws(() => extractNote(new Uint8Array([0x25, 0x50, 0x00, 0x01, 0x02]), { path: '/n/bin.md' }),
    (e: unknown) => e instanceof EngineError && e.code === 'ENCODING_UNSUPPORTED');
});

test('CRLF notes: offsets are into the normalised text', () => {
  const doc = note('---\r\ntitle: T\r\n---\r\n# H\r\n\r\nLine one\r\nLine two\r\n');
  assert.equal(doc.text, '# H\n\nLine one\nLine two\n');
  assertBlocksExact(doc);
  assert.deepEqual(doc.blocks.map((b) => b.text), ['# H', 'Line one\nLine two']);
});
