/**
 * Two Delve processes writing one library: the CLI as child processes beside an engine (and a lock
 * holder) in the test process. A writer that may not wait gets DB_BUSY naming the holder; one that
 * may waits and finishes once the lock is released; a dead holder's lock is taken over; concurrent
 * runs over overlapping folders both finish with exactly the library one run makes.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { createEngine } from '../index.js';
import { openDb } from './db.js';
import { acquireWriterLock, lockHolder } from './writer-lock.js';
import { docFingerprints, integrityProblems, realSources } from '../../../test/helpers/real-library.js';
import { CLI, tempDir } from '../../../test/helpers/shared.js';
import { delve, type CliResult } from '../../../test/helpers/cli.js';

const dir = tempDir('delve-lock-');
const env = { ...process.env, DELVE_OCR: '0', DELVE_HOME: join(dir, 'home') };
const { notes, pdfs } = realSources();

/** Runs `delve index` and resolves once its stderr says it waits, with the promise of its end. */
function indexWaiting(db: string, paths: string[]): Promise<{ done: Promise<CliResult>; line: string }> {
  return new Promise((resolveWaiting, reject) => {
    const child = spawn(process.execPath, [CLI, 'index', ...paths, '--db', db], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const done = new Promise<CliResult>((res) => child.on('close', (code) => res({ code, stdout, stderr })));
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      const line = stderr.split('\n').find((l) => l.includes('waiting for it to finish'));
      if (line) resolveWaiting({ done, line });
    });
    child.on('error', reject);
    void done.then((r) => reject(new Error(`delve index ended without waiting: ${r.code} ${r.stderr}`)));
  });
}

test('a second writer: DB_BUSY naming the holder when it may not wait; waits and finishes when it may', async () => {
  const db = join(dir, 'busy.db');
  const { db: conn } = await openDb(db);
  const release = await acquireWriterLock(conn, { job: 'indexing', waitMs: 0 });
  try {
    const refused = await delve(['index', notes[0]!, '--db', db, '--no-wait'], { env });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, new RegExp(`^delve: DB_BUSY: another Delve process is indexing this library \\(pid ${process.pid}, started \\d{4}-\\d\\d-\\d\\dT[^)]*\\); wait for it to finish`));

    const waiting = await indexWaiting(db, [notes[0]!]);
    assert.match(waiting.line, new RegExp(`pid ${process.pid}`));
    release();
    const r = await waiting.done;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\d+ added/);
  } finally {
    conn.close();
  }
});

test("a dead process's lock is taken over", async () => {
  const db = join(dir, 'stale.db');
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // exited: its pid is not alive
  const { db: conn } = await openDb(db);
  conn.prepare("INSERT INTO settings (key, value) VALUES ('writer_lock', ?)")
    .run(JSON.stringify({ pid: dead, host: (await import('node:os')).hostname(), job: 'indexing', startedAt: Date.now() - 60_000, token: 'crashed' }));
  conn.close();
  const r = await delve(['index', notes[0]!, '--db', db, '--no-wait'], { env });
  assert.equal(r.code, 0, r.stderr);
  const check = new Database(db, { readonly: true });
  assert.equal(check.prepare("SELECT count(*) FROM settings WHERE key = 'writer_lock'").pluck().get(), 0, 'released after the run');
  check.close();
});

test('the app (an engine here) and the CLI, and two CLIs, indexing one library at once: both finish, nothing duplicated or lost', async () => {
  const all = [...notes, ...pdfs];
  const ref = await createEngine({ dbPath: join(dir, 'ref.db'), workers: 2, ocr: { enabled: false } });
  await ref.index(all);
  ref.close();
  const expected = docFingerprints(join(dir, 'ref.db'));

  // Overlapping halves: the notes of folder 0 are in both.
  const mine = [notes[0]!, pdfs[0]!];
  const theirs = [notes[0]!, notes[1]!, pdfs[1]!];

  const app = join(dir, 'app-cli.db');
  const engine = await createEngine({ dbPath: app, workers: 1, ocr: { enabled: false } });
  const [cli, own] = await Promise.all([delve(['index', ...theirs, '--db', app], { env }), engine.index(mine)]);
  engine.close();
  assert.equal(cli.code, 0, cli.stderr);
  assert.ok(own.documents > 0);
  assert.deepEqual(integrityProblems(app), []);
  assert.deepEqual(docFingerprints(app), expected);

  const two = join(dir, 'two-cli.db');
  const [a, b] = await Promise.all([delve(['index', ...mine, '--db', two], { env }), delve(['index', ...theirs, '--db', two], { env })]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  assert.deepEqual(integrityProblems(two), []);
  assert.deepEqual(docFingerprints(two), expected);
  const check = new Database(two, { readonly: true });
  assert.equal(lockHolder(check), null, 'no lock left behind');
  check.close();
});
