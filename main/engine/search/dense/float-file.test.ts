import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDb } from '../../store/db.js';
import { cosineSimilarity, FloatFile } from './float-file.js';
import { toBlob } from './dense.js';
import { seeded } from '../../../../test/helpers/seeded.js';

test('cosineSimilarity is 1 − sqlite-vec\'s vec_distance_cosine, bit for bit', async () => {
  const { db, vec } = await openDb(':memory:');
  assert.ok(vec.version, 'sqlite-vec loaded');
  const distance = db.prepare('SELECT vec_distance_cosine(?, ?)').pluck();
  const r = seeded(5);
  let checked = 0;
  for (const dims of [3, 64, 100, 384, 768]) {
    for (let i = 0; i < 200; i++) {
      const scale = i % 3 === 0 ? 1 : 10 ** (Math.floor(r() * 8) - 4); // unit-ish and far from it
      const a = Float32Array.from({ length: dims }, () => (r() - 0.5) * scale);
      const b = i % 7 === 0 ? a.map((x) => x * 3) : Float32Array.from({ length: dims }, () => r() - 0.3);
      assert.equal(cosineSimilarity(a, b, dims), 1 - (distance.get(toBlob(a), toBlob(b)) as number), `dims ${dims}, pair ${i}`);
      checked++;
    }
  }
  assert.equal(checked, 1000);
  db.close();
});

test('a float file holds rows as appended, across buffered writes, and is gone from its folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'delve-floatfile-'));
  try {
    const file = FloatFile.create(join(root, 'lib.db'), 'vec_1', 40, 5000, 0);
    assert.ok(typeof file !== 'string', String(file));
    const r = seeded(9);
    const rows = Array.from({ length: 5000 }, () => Float32Array.from({ length: 40 }, r)); // over two write buffers
    const packed = new Float32Array(rows.length * 40);
    rows.forEach((v, i) => packed.set(v, i * 40));
    for (let i = 0; i < rows.length; i++) file.append(packed, i * 40);
    assert.equal(file.rows, 5000);
    assert.equal(file.read(4999), null, 'buffered rows are read after a flush');
    file.flush();
    for (const i of [0, 1, 2047, 2048, 4095, 4096, 4999]) assert.deepEqual(file.read(i), rows[i], `row ${i}`);
    assert.equal(file.read(5000), null);
    assert.equal(file.read(-1), null);
    if (process.platform !== 'win32') assert.deepEqual(readdirSync(join(root, 'lib.db-scan')), [], 'unlinked while open');
    assert.equal(file.share(), file, 'a second holder (a new generation of rows)');
    file.close();
    assert.deepEqual(file.read(7), rows[7], 'still open for the other holder');
    file.close();
    assert.equal(file.read(7), null, 'closed by the last holder');
    file.close();
    assert.throws(() => file.share(), /closed/);
    assert.deepEqual(readdirSync(join(root, 'lib.db-scan')), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('files of dead processes are removed; no folder, or an in-memory library: a reason instead of a file', () => {
  const root = mkdtempSync(join(tmpdir(), 'delve-floatfile-'));
  try {
    const dir = join(root, 'lib.db-scan');
    mkdirSync(dir);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = join(dir, `vec_1-${dead}-abc.f32`);
    const mine = join(dir, `vec_1-${process.pid}-abc.f32`);
    writeFileSync(stale, 'x');
    writeFileSync(mine, 'x');
    const file = FloatFile.create(join(root, 'lib.db'), 'vec_1', 8, 10, 0);
    assert.ok(typeof file !== 'string');
    file.close();
    assert.equal(existsSync(stale), false, 'a dead process\'s file');
    assert.equal(existsSync(mine), true, 'this process\'s own file is left alone');

    writeFileSync(join(root, 'other.db-scan'), 'a file where the folder would be');
    assert.match(FloatFile.create(join(root, 'other.db'), 'vec_1', 8, 10, 0) as string, /^no scratch file for exact re-scoring \(.*(EEXIST|ENOTDIR)/);
    assert.equal(FloatFile.create(':memory:', 'vec_1', 8, 10), 'the library is in memory');
    const free = Number(statfsSync(root).bavail) * Number(statfsSync(root).bsize);
    assert.match(FloatFile.create(join(root, 'lib.db'), 'vec_1', 8, 10, free + 1) as string,
      /^no scratch file for exact re-scoring: it needs 0 MB and would leave under \d+ MB of the disk free \(\d+ MB free\)$/, 'the disk\'s free space comes first');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
