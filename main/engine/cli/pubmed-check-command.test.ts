/** `delve pubmed check`: the function the CLI dispatcher calls, its --json shape, carets and exit codes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caretLines, pubmedCheck } from './pubmed-check-command.js';

async function run(query: string, json: boolean): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await pubmedCheck(query, json, (s) => lines.push(s));
  return { code, lines };
}

test('a valid query: exit 0, the normalized query; --json is exactly {ok, normalized, tree}', async () => {
  const r = await run('(\u201Cheart failure\u201D[MeSH Terms] OR cardiac failure[Title/Abstract]) AND exercis*[tiab]', false);
  assert.equal(r.code, 0);
  assert.deepEqual(r.lines, ['"heart failure"[mh] OR cardiac failure[tiab] AND exercis*[tiab]']);
  const j = await run('a[ti] OR b', true);
  assert.equal(j.code, 0);
  assert.equal(j.lines.length, 1);
  const parsed = JSON.parse(j.lines[0] as string) as Record<string, unknown>;
  assert.deepEqual(Object.keys(parsed), ['ok', 'normalized', 'tree']);
  assert.equal(parsed.ok, true);
  assert.equal(parsed.normalized, 'a[ti] OR b');
  assert.deepEqual(parsed.tree, {
    type: 'or', offset: 0, end: 10, children: [
      { type: 'term', text: 'a', quoted: false, truncated: false, field: 'ti', offset: 0, end: 5 },
      { type: 'term', text: 'b', quoted: false, truncated: false, field: null, offset: 9, end: 10 },
    ],
  });
  assert.ok(j.lines[0]?.startsWith('{"ok":true,"normalized":"a[ti] OR b","tree":{'));
});

test('an invalid query: exit 1; --json is exactly {ok:false, errors:[{message, offset}]}', async () => {
  const j = await run('(a OR b[badtag]', true);
  assert.equal(j.code, 1);
  assert.equal(j.lines[0], JSON.stringify({ ok: false, errors: [
    { message: 'unbalanced parenthesis: this ( is never closed', offset: 0 },
    { message: 'unknown field tag [badtag]', offset: 7 },
  ] }));
});

test('human output: each error with a caret under its offset', async () => {
  const r = await run('cancer[tiab] AND', false);
  assert.equal(r.code, 1);
  assert.deepEqual(r.lines, [
    'error at offset 13: AND has no search term after it',
    '  cancer[tiab] AND',
    '               ^',
  ]);
  const s = await run('#1 a[tiab]\n#2 b[nope]\n#3 #1 OR #2', false);
  assert.deepEqual(s.lines, ['error at line 2, offset 15: unknown field tag [nope]', '  #2 b[nope]', '      ^']);
});

test('warnings follow the normalized query; long lines are cut around the caret', async () => {
  const r = await run('Animals[Mesh] not Humans[Mesh]', false);
  assert.equal(r.code, 0);
  assert.equal(r.lines[0], 'Animals[mh] AND not Humans[mh]');
  assert.match(r.lines[1] ?? '', /^warning at offset 14: "not" is searched as a word/);
  const long = `${'x'.repeat(100)} AND`;
  const [line, caret] = caretLines(long, 101);
  assert.equal(line, `  …${'x'.repeat(29)} AND`);
  assert.equal(caret.indexOf('^'), line.indexOf('AND'));
});
