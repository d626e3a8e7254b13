/**
 * Crash safety: the indexer is killed with SIGKILL at 5 random moments and restarted each time; the
 * final database passes integrity_check and holds exactly the documents and chunks of a clean run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { delveJson, rng } from '../helpers/cli.js';
import { CLI, sharedDir, tempDir } from '../helpers/shared.js';

function library(): string {
  const shared = sharedDir();
  const dir = join(tempDir(), 'library');
  mkdirSync(dir);
  cpSync(join(shared, 'pdfs'), join(dir, 'pdfs'), { recursive: true });
  cpSync(join(shared, 'notes', 'obsidian-tasks-docs'), join(dir, 'obsidian'), { recursive: true });
  cpSync(join(shared, 'notes', 'foam-docs'), join(dir, 'foam'), { recursive: true });
  return dir;
}

/** Documents and chunks as content, independent of row ids and timing. */
function snapshot(dbPath: string): { integrity: string; docs: string[]; chunks: string[] } {
  const db = new Database(dbPath, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      docs: (db.prepare(`SELECT path || '|' || status || '|' || COALESCE(error_code, '') || '|' || content_hash || '|' || page_count AS k FROM documents ORDER BY path`).all() as { k: string }[]).map((r) => r.k),
      chunks: (db.prepare(`SELECT d.path || '|' || c.ordinal || '|' || c.hash || '|' || COALESCE(c.first_page, '') AS k FROM chunks c JOIN documents d ON d.id = c.doc_id ORDER BY d.path, c.ordinal`).all() as { k: string }[]).map((r) => r.k),
    };
  } finally {
    db.close();
  }
}

/** Work done so far, in pages (a note counts as one): most of the indexing time is spent on PDF pages. */
function pagesDone(dbPath: string): number {
  if (!existsSync(dbPath)) return 0;
  // Read-write on purpose: after a kill the database may hold a hot journal that only a writer may
  // roll back (a read-only open fails with SQLITE_READONLY_ROLLBACK); Delve's next run does the same.
  const db = new Database(dbPath);
  try {
    // A run killed before its first migration committed leaves a file with no tables yet.
    const ready = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'`).get();
    if (!ready) return 0;
    return (db.prepare('SELECT COALESCE(SUM(MAX(page_count, 1)), 0) AS n FROM documents').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function runAndKill(args: string[], afterMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

test('kill -9 at 5 random moments, restarting each time, ends identical to an uninterrupted run', { timeout: 600_000 }, async () => {
  const lib = library();
  const tmp = tempDir();
  const clean = join(tmp, 'clean.db');
  const t0 = performance.now();
  await delveJson(['index', lib, '--db', clean]);
  const cleanMs = performance.now() - t0;

  const crashed = join(tmp, 'crashed.db');
  const seed = Number(process.env.DELVE_SEED ?? 7);
  const random = rng(seed);
  const outcomes: string[] = [];
  const total = pagesDone(clean);
  for (let i = 0; i < 5; i++) {
    // Each restart has less left to do: aim the kill at a random moment of what remains.
    const left = Math.max(0.05, 1 - pagesDone(crashed) / total);
    const at = 200 + Math.floor(random() * left * cleanMs * 0.8);
    outcomes.push(`${at}ms:${await runAndKill(['index', lib, '--db', crashed], at)}`);
  }
  await delveJson(['index', lib, '--db', crashed]);
  console.log(`seed ${seed}, clean run ${Math.round(cleanMs)} ms, kills: ${outcomes.join(', ')}`);

  const a = snapshot(clean);
  const b = snapshot(crashed);
  assert.equal(b.integrity, 'ok');
  assert.ok(outcomes.filter((o) => o.endsWith('killed')).length >= 3, `most runs should have been killed mid-way: ${outcomes}`);
  assert.equal(b.docs.length, a.docs.length);
  assert.deepEqual(b.docs, a.docs);
  assert.equal(b.chunks.length, a.chunks.length);
  assert.deepEqual(b.chunks, a.chunks);
  console.log(`documents: ${a.docs.length}, chunks: ${a.chunks.length}, identical after crashes`);
});
