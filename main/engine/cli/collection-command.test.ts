/** `delve collection …` and `delve history` as a user runs them: the real CLI over a small note folder. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { delve, delveJson } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/shared.js';
import type { CollectionInfo, EvidenceRow, SearchHistoryEntry, SearchResult } from '../api.js';
import { viaCitationJs, viaCsvParse, viaPandoc, viaRetorquere } from '../../../test/helpers/bib-readers.js';

test('delve collection create/add/list/export and delve history', async () => {
  const dir = tempDir('cli-collection-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'heart.md'), '---\ntitle: Heart study\nauthors: [Anna Smith]\nyear: 2020\n---\n# Heart study\n\nExercise training, "supervised", improves peak oxygen uptake in heart failure.\n');
  const db = ['--db', join(dir, 'd.db')];
  assert.equal((await delve(['index', notes, ...db])).code, 0);
  const hits = await delveJson<{ results: SearchResult[] }>(['search', 'oxygen uptake', '--mode', 'bm25', ...db]);
  const chunk = String(hits.results[0]!.chunkId);

  const made = await delveJson<CollectionInfo>(['collection', 'create', 'Heart failure', ...db]);
  assert.equal(made.name, 'Heart failure');
  const dup = await delve(['collection', 'create', 'Heart failure', ...db]);
  assert.equal(dup.code, 1);
  assert.match(dup.stderr, /BAD_ARGUMENT: a collection named "Heart failure" already exists/);

  const added = await delveJson<EvidenceRow>(['collection', 'add', 'Heart failure', '--chunk', chunk, '--note', 'main result',
    '--tag', 'outcome,vo2', '--tag', 'rct', '--stance', 'supports', '--query', 'oxygen uptake', '--mode', 'bm25', ...db]);
  assert.deepEqual([added.tags, added.stance, added.note, added.query?.text, added.query?.mode], [['outcome', 'vo2', 'rct'], 'supports', 'main result', 'oxygen uptake', 'bm25']);
  const plain = await delve(['collection', 'add', 'Heart failure', '--chunk', chunk, ...db]);
  assert.match(plain.stdout, /^added evidence #2 to "Heart failure": Heart study/);

  assert.deepEqual((await delveJson<CollectionInfo[]>(['collection', 'list', ...db])).map((c) => [c.name, c.evidence]), [['Heart failure', 2]]);
  const rows = await delveJson<EvidenceRow[]>(['collection', 'list', 'Heart failure', '--sort', 'tag', ...db]);
  assert.deepEqual(rows.map((r) => r.id), [added.id, 2]);
  assert.match((await delve(['collection', 'list', 'Heart failure', ...db])).stdout, /#1 Heart study, 2020 {2}\[supports #outcome #vo2 #rct\]\n {3}"# Heart study/);

  const md = await delve(['collection', 'export', 'Heart failure', '--format', 'md', ...db]);
  assert.equal(md.code, 0);
  assert.match(md.stdout, /^# Heart failure\n\n## Heart study \[@smithHeartStudy2020\]/);
  assert.ok(md.stdout.includes('> Exercise training, "supervised", improves peak oxygen uptake in heart failure.'));
  const bibFile = join(dir, 'out.bib');
  assert.equal((await delve(['collection', 'export', 'Heart failure', '--format', 'bib', '--out', bibFile, ...db])).code, 0);
  for (const [entry] of [viaRetorquere(readFileSync(bibFile, 'utf8')), viaPandoc(readFileSync(bibFile, 'utf8'))]) {
    assert.deepEqual([entry!.key, entry!.title, entry!.authors, entry!.year], ['smithHeartStudy2020', 'Heart study', ['Smith, Anna'], '2020']);
  }
  const ris = viaCitationJs((await delve(['collection', 'export', 'Heart failure', '--format', 'ris', ...db])).stdout, '@ris/file');
  assert.deepEqual(ris[0]!.authors, ['Smith, Anna']);
  const csv = viaCsvParse((await delve(['collection', 'export', 'Heart failure', '--format', 'csv', ...db])).stdout);
  assert.equal(csv.length, 3);
  assert.equal(csv[1]![csv[0]!.indexOf('tags')], 'outcome; vo2; rct');

  const history = await delveJson<SearchHistoryEntry[]>(['history', ...db]);
  assert.deepEqual(history.map((h) => [h.query, h.mode, h.results]), [['oxygen uptake', 'bm25', 1]]);
  assert.match((await delve(['history', ...db])).stdout, /^#1 {2}\S+ {2}bm25 {2}1 results {2}[\d.]+ ms {2}"oxygen uptake"/);

  for (const args of [['collection'], ['collection', 'frobnicate', 'x'], ['collection', 'add', 'Heart failure'], ['collection', 'add', 'Heart failure', '--chunk', chunk, '--stance', 'maybe'],
    ['collection', 'export', 'Heart failure', '--format', 'docx'], ['collection', 'list', 'Heart failure', '--sort', 'colour'], ['collection', 'create']]) {
    const r = await delve([...args, ...db]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
  }
});
