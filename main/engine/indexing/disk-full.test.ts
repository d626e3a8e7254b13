/**
 * A full disk in the middle of an index run, through the real indexer on real files: the database
 * is capped with SQLite's max_page_count (EngineConfig.maxDbMb) at 70% of what the library needs.
 * The run stops with DISK_FULL; the file passes SQLite's integrity check and holds only complete
 * documents; once the cap is lifted ("space returns") the same run goes on and ends with exactly
 * the library an untroubled run makes.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { createEngine } from '../index.js';
import { EngineError } from '../errors.js';
import { docFingerprints, integrityProblems, realSources } from '../../../test/helpers/real-library.js';
import { tempDir } from '../../../test/helpers/shared.js';

const dir = tempDir('delve-diskfull-');
const config = (name: string) => ({ dbPath: join(dir, name), workers: 2, ocr: { enabled: false } });

test('disk full mid-index: DISK_FULL, the database intact with only whole documents, the run resumable', async () => {
  const { notes, pdfs } = realSources();
  const paths = [...notes, ...pdfs];

  const ref = await createEngine(config('ref.db'));
  const full = await ref.index(paths);
  ref.close();
  const expected = docFingerprints(join(dir, 'ref.db'));
  assert.equal(expected.size, full.documents);
  const refDb = new Database(join(dir, 'ref.db'));
  refDb.pragma('wal_checkpoint(TRUNCATE)');
  refDb.close();
  const needMb = statSync(join(dir, 'ref.db')).size / 1048576;
  console.log(`library: ${expected.size} documents, ${needMb.toFixed(2)} MiB; capped at 70%`);

  const capped = await createEngine({ ...config('lib.db'), maxDbMb: needMb * 0.7 });
  await assert.rejects(capped.index(paths), (err: unknown) => {
    assert.ok(err instanceof EngineError);
    assert.equal(err.code, 'DISK_FULL', err.message);
    assert.match(err.message, /free some space and index the same folders again/);
    return true;
  });
  capped.close();

  assert.deepEqual(integrityProblems(join(dir, 'lib.db')), []);
  const partial = docFingerprints(join(dir, 'lib.db'));
  assert.ok(partial.size > 0 && partial.size < expected.size, `${partial.size} of ${expected.size} documents written before the disk filled`);
  for (const [path, fp] of partial) assert.equal(fp, expected.get(path), `${path} is written whole`);

  // Space returns: the same run goes on from where it stopped.
  const resumed = await createEngine(config('lib.db'));
  const after = await resumed.index(paths);
  resumed.close();
  assert.equal(after.changes.added, expected.size - partial.size);
  assert.equal(after.changes.unchanged, partial.size);
  assert.deepEqual(integrityProblems(join(dir, 'lib.db')), []);
  assert.deepEqual(docFingerprints(join(dir, 'lib.db')), expected);
});
