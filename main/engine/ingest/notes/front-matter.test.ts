import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frontMatterAliases, frontMatterAuthors, frontMatterDoi, frontMatterTags, frontMatterTitle, frontMatterYear } from './fields.js';
import { splitFrontMatter } from './front-matter.js';

test('valid front matter is parsed and cut off the body', () => {
  const r = splitFrontMatter('---\ntitle: Hello\ntags: [a, b]\ndate: 2021-03-04\n---\n# Body\n');
  assert.deepEqual(r.frontMatter, { title: 'Hello', tags: ['a', 'b'], date: '2021-03-04' });
  assert.equal(r.body, '# Body\n');
  assert.equal(r.invalidLength, 0);
  assert.deepEqual(r.warnings, []);
});

test('"..." closes front matter; empty front matter is {}', () => {
  assert.deepEqual(splitFrontMatter('---\na: 1\n...\nbody').frontMatter, { a: 1 });
  const empty = splitFrontMatter('---\n---\nbody');
  assert.deepEqual([empty.frontMatter, empty.body, empty.warnings], [{}, 'body', []]);
});

test('invalid YAML: FRONT_MATTER_INVALID, and the block stays in the body', () => {
  const text = '---\ntitle: [oops\n---\nBody text\n';
  const r = splitFrontMatter(text);
  assert.deepEqual(r.frontMatter, {});
  assert.equal(r.body, text);
  assert.equal(r.invalidLength, '---\ntitle: [oops\n---'.length);
  assert.equal(r.warnings.length, 1);
  assert.equal(r.warnings[0]?.code, 'FRONT_MATTER_INVALID');
});

test('duplicate keys and non-mapping YAML are invalid front matter', () => {
  assert.equal(splitFrontMatter('---\na: 1\na: 2\n---\n').warnings[0]?.code, 'FRONT_MATTER_INVALID');
  assert.equal(splitFrontMatter('---\njust a sentence\n---\n').warnings[0]?.code, 'FRONT_MATTER_INVALID');
  assert.equal(splitFrontMatter('---\n- a\n- b\n---\n').warnings[0]?.code, 'FRONT_MATTER_INVALID');
});

test('no front matter: unclosed, not at the very top, or no opening line', () => {
  for (const text of ['---\ntitle: x\nno closing line', '\n---\ntitle: x\n---\n', 'Text\n---\n', '--- \n']) {
    const r = splitFrontMatter(text);
    assert.deepEqual([r.frontMatter, r.body, r.invalidLength, r.warnings], [{}, text, 0, []], JSON.stringify(text));
  }
});

test('tags: list, comma/space string, `tag`, leading # removed', () => {
  assert.deepEqual(frontMatterTags({ tags: ['a', '#b', 3] }), ['a', 'b', '3']);
  assert.deepEqual(frontMatterTags({ tags: 'daily, funny planning' }), ['daily', 'funny', 'planning']);
  assert.deepEqual(frontMatterTags({ tag: '#solo' }), ['solo']);
  assert.deepEqual(frontMatterTags({ tags: null }), []);
});

test('aliases: list or comma-separated string', () => {
  assert.deepEqual(frontMatterAliases({ aliases: ['One', 'Two'] }), ['One', 'Two']);
  assert.deepEqual(frontMatterAliases({ aliases: 'One, Two', alias: 'Three' }), ['One', 'Two', 'Three']);
});

test('authors from author/authors: lists, "a; b", "a and b", {name}', () => {
  assert.deepEqual(frontMatterAuthors({ author: 'Ada Lovelace' }), ['Ada Lovelace']);
  assert.deepEqual(frontMatterAuthors({ authors: ['A. One', { name: 'B. Two' }] }), ['A. One', 'B. Two']);
  assert.deepEqual(frontMatterAuthors({ authors: 'Doe, J.; Roe, R.', author: 'Smith and Jones' }), ['Smith', 'Jones', 'Doe, J.', 'Roe, R.']);
});

test('year from year, else date; doi without prefix; title', () => {
  assert.equal(frontMatterYear({ year: 2019, date: '2021-01-01' }), 2019);
  assert.equal(frontMatterYear({ year: '2018' }), 2018);
  assert.equal(frontMatterYear({ date: '2021-03-04' }), 2021);
  assert.equal(frontMatterYear({ date: new Date('2020-06-01T00:00:00Z') }), 2020);
  assert.equal(frontMatterYear({ date: 'yesterday' }), null);
  assert.equal(frontMatterDoi({ doi: 'https://doi.org/10.1000/xyz.123' }), '10.1000/xyz.123');
  assert.equal(frontMatterDoi({ doi: 'doi:10.1000/abc' }), '10.1000/abc');
  assert.equal(frontMatterDoi({ doi: 'not a doi' }), null);
  assert.equal(frontMatterTitle({ title: '  My note ' }), 'My note');
  assert.equal(frontMatterTitle({ title: 1984 }), '1984');
  assert.equal(frontMatterTitle({ title: '' }), null);
});
