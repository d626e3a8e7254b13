/**
 * A damaged library file: its header overwritten, or one page in the middle (a leaf of the chunks
 * table) overwritten. Opening reports DB_CORRUPT with the way out, through the engine and through the
 * CLI as a process (one line on stderr, exit 1, no stack trace), never a crash.
 */
import assert from 'node:assert/strict';
import { copyFileSync, openSync, readSync, utimesSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { createEngine } from '../index.js';
import { EngineError } from '../errors.js';
import { checkAtOpen } from './damage.js';
import { realSources } from '../../../test/helpers/real-library.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { delve } from '../../../test/helpers/cli.js';

const dir = tempDir('delve-damage-');

async function library(): Promise<string> {
  const path = join(dir, 'good.db');
  const engine = await createEngine({ dbPath: path, workers: 2, ocr: { enabled: false } });
  await engine.index([realSources().notes[0]!]);
  engine.close();
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

function overwrite(file: string, offset: number, bytes: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(bytes, 0xa5), 0, bytes, offset);
  } finally {
    closeSync(fd);
  }
}

/** The page number and size of a leaf page of `chunks` halfway through its pages. */
function midChunksPage(file: string): { page: number; size: number } {
  const db = new Database(file, { readonly: true });
  try {
    const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'chunks' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    assert.ok(pages.length > 4, `chunks has ${pages.length} leaf pages`);
    return { page: pages[Math.floor(pages.length / 2)]!, size: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
  }
}

const isCorrupt = (err: unknown) => {
  assert.ok(err instanceof EngineError, String(err));
  assert.equal(err.code, 'DB_CORRUPT');
  assert.match(err.message, /damaged/);
  assert.match(err.message, /Way out: restore a backup if you have one \(delve restore <file>\), or move the file away and index your folders again/);
  return true;
};

test('a damaged database: DB_CORRUPT at open with the way out, from the engine and the CLI', async () => {
  const good = await library();
  const header = join(dir, 'header.db');
  copyFileSync(good, header);
  overwrite(header, 0, 100);
  const mid = join(dir, 'mid.db');
  copyFileSync(good, mid);
  const { page, size } = midChunksPage(mid);
  overwrite(mid, (page - 1) * size, size);

  for (const file of [header, mid]) {
    await assert.rejects(createEngine({ dbPath: file, ocr: { enabled: false } }), isCorrupt, file);
    for (const args of [['status'], ['search', 'git rebase'], ['index', realSources().notes[0]!]]) {
      const r = await delve([...args, '--db', file], { env: { ...process.env, DELVE_OCR: '0' } });
      assert.equal(r.code, 1, `${args[0]} on ${file}: ${r.stderr}`);
      assert.match(r.stderr, /^delve: DB_CORRUPT: .*damaged.*Way out: /);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  }
  // The good copy still opens (the check does not refuse a sound file).
  const ok = await createEngine({ dbPath: good, ocr: { enabled: false } });
  assert.ok(ok.status().totals.documents > 100);
  ok.close();
});

test('the check at open is skipped only while the file is as Delve left it after a check', async () => {
  const path = join(dir, 'stamp.db');
  const engine = await createEngine({ dbPath: path, ocr: { enabled: false } });
  engine.createCollection('Kept');
  engine.close();
  assert.equal(checkAtOpen(path), 'skip');
  const fd = openSync(path, 'r+');
  const first = Buffer.alloc(16);
  readSync(fd, first, 0, 16, 0);
  writeSync(fd, first, 0, 16, 0); // the same bytes, written by someone else: the file's time changes
  closeSync(fd);
  const later = new Date(Date.now() + 2000);
  utimesSync(path, later, later);
  assert.equal(checkAtOpen(path), 'check');
  const again = await createEngine({ dbPath: path, ocr: { enabled: false } });
  again.close();
  assert.equal(checkAtOpen(path), 'skip');
});
