/** `delve collection` editing commands and `delve search --group` as a user runs them: the real CLI over a small note folder. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { delve, delveJson } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/shared.js';
import type { CollectionInfo, DeletedCollection, EvidenceRow, SearchResult } from '../api.js';

test('delve collection edit/remove/unremove/move/rename/duplicate/delete/restore, and search --group', async () => {
  const dir = tempDir('cli-collection-edit-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'heart.md'), '# Heart study\n\nExercise training improves peak oxygen uptake in heart failure.\n\n## More\n\nOxygen uptake was measured on a bicycle.\n');
  writeFileSync(join(notes, 'lung.md'), '# Lung study\n\nOxygen saturation fell at altitude.\n');
  const db = ['--db', join(dir, 'd.db'), '--chunk-size', '200', '--chunk-overlap', '0'];
  assert.equal((await delve(['index', notes, ...db])).code, 0);

  const flat = await delveJson<{ grouping: string; results: SearchResult[] }>(['search', 'oxygen', '--mode', 'bm25', ...db]);
  assert.equal(flat.grouping, 'chunk');
  const grouped = await delveJson<{ grouping: string; results: SearchResult[] }>(['search', 'oxygen', '--mode', 'bm25', '--group', 'document', ...db]);
  assert.equal(grouped.grouping, 'document');
  assert.equal(new Set(grouped.results.map((r) => r.docId)).size, grouped.results.length);
  assert.ok(flat.results.length > grouped.results.length);
  assert.equal((await delve(['search', 'oxygen', '--group', 'paper', ...db])).code, 2);

  await delve(['collection', 'create', 'hf', ...db]);
  const ids: number[] = [];
  for (const r of flat.results) ids.push((await delveJson<EvidenceRow>(['collection', 'add', 'hf', '--chunk', String(r.chunkId), ...db])).id);
  const edited = await delveJson<EvidenceRow>(['collection', 'edit', String(ids[0]), '--stance', 'contradicts', '--note', 'n', '--quote', 'Oxygen', ...db]);
  assert.deepEqual([edited.stance, edited.note, edited.quote], ['contradicts', 'n', 'Oxygen']);
  const cleared = await delveJson<EvidenceRow>(['collection', 'edit', String(ids[0]), '--stance', 'none', ...db]);
  assert.equal(cleared.stance, null);
  const bad = await delve(['collection', 'edit', String(ids[0]), '--quote', 'not in the passage', ...db]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /BAD_ARGUMENT: the quote must be words of its passage/);

  const removed = await delve(['collection', 'remove', String(ids[1]), ...db]);
  assert.match(removed.stdout, new RegExp(`undo: delve collection unremove ${ids[1]}`));
  assert.equal((await delveJson<EvidenceRow[]>(['collection', 'list', 'hf', ...db])).length, ids.length - 1);
  await delve(['collection', 'unremove', String(ids[1]), ...db]);
  const order = await delveJson<number[]>(['collection', 'move', String(ids.at(-1)), '1', ...db]);
  assert.equal(order[0], ids.at(-1));
  assert.deepEqual((await delveJson<EvidenceRow[]>(['collection', 'list', 'hf', '--sort', 'manual', ...db])).map((r) => r.id), order);

  assert.equal((await delveJson<CollectionInfo>(['collection', 'rename', 'hf', 'Heart', ...db])).name, 'Heart');
  assert.equal((await delveJson<CollectionInfo>(['collection', 'duplicate', 'Heart', 'Heart 2', ...db])).evidence, ids.length);
  const del = await delve(['collection', 'delete', 'Heart', ...db]);
  const restoreId = /undo: delve collection restore (\d+)/.exec(del.stdout)?.[1];
  assert.ok(restoreId, del.stdout);
  assert.deepEqual((await delveJson<DeletedCollection[]>(['collection', 'deleted', ...db])).map((d) => d.name), ['Heart']);
  assert.deepEqual((await delveJson<CollectionInfo[]>(['collection', 'list', ...db])).map((c) => c.name), ['Heart 2']);
  assert.equal((await delveJson<CollectionInfo>(['collection', 'restore', restoreId, ...db])).evidence, ids.length);
  assert.equal((await delve(['collection', 'rename', 'Heart', ...db])).code, 2, 'a missing argument is a usage error');
});
