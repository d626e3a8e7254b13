/** The service's cancellable jobs on a real engine: indexing with progress and cancelIndex, waiting for another writer, a full search's events and cancelSearch against the Ollama stand-in. */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startOllamaServer, type OllamaTestServer } from '../../../test/helpers/ollama-server.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { EngineError } from '../../engine/errors.js';
import { createEngine } from '../../engine/index.js';
import type { EngineEvent, EngineService } from '../engine-protocol.js';
import { createEngineService } from './index.js';

const words = ['sleep', 'memory', 'consolidation', 'hippocampus', 'cortex', 'replay', 'spindle', 'rem', 'learning', 'recall'];

function notesFolder(root: string, name: string, n: number): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (let i = 0; i < n; i++) {
    const text = Array.from({ length: 60 }, (_, j) => words[(i + j) % words.length]).join(' ');
    writeFileSync(join(dir, `n${i}.md`), `# Note ${i}\n\n${text}.\n`);
  }
  return dir;
}

let ollama: OllamaTestServer;
let service: EngineService;
let events: EngineEvent[];
let root: string;
let onEvent: (e: EngineEvent) => void = () => {};
before(async () => {
  ollama = await startOllamaServer();
  root = tempDir('delve-jobs-');
  events = [];
  service = createEngineService({
    config: { dataDir: root, dbPath: join(root, 'delve.db') },
    emit: (e) => {
      events.push(e);
      onEvent(e);
    },
    openEngine: (c) => createEngine({ ...c, workers: 1 }),
  });
  await service.setSettings({ ollama: { host: ollama.url } });
});
after(async () => {
  await service.close();
  await ollama.close();
});

test('index: progress comes as index:progress events; cancelIndex stops it, the work done is kept and the next run completes it', async () => {
  const dir = notesFolder(root, 'cancel', 300);
  let cancelled: Promise<boolean> | null = null;
  let indexing: Promise<boolean> | null = null;
  // Cancelled from the listener of the first written document's progress (sent at once), while the rest is still to parse:
  // no timer decides where the cancel lands.
  onEvent = (e) => {
    if (cancelled || e.name !== 'index:progress' || e.payload.phase !== 'parse' || e.payload.done < 1) return;
    indexing = service.appStatus().then((s) => s.indexing);
    cancelled = service.cancelIndex();
  };
  const first = service.index([dir]);
  const err = await first.then(() => null, (e: unknown) => e);
  onEvent = () => {};
  assert.ok(err instanceof EngineError && err.code === 'CANCELLED', String(err));
  assert.match(err.message, /kept/);
  assert.equal(await cancelled, true);
  assert.equal(await indexing, true);
  assert.equal(await service.cancelIndex(), false);
  assert.equal((await service.appStatus()).indexing, false);
  const partial = (await service.status()).totals.documents;
  assert.ok(partial >= 1 && partial < 300, `${partial} documents written before the cancel`);
  events.length = 0;
  const s = await service.index([dir]);
  assert.deepEqual([s.documents, s.changes.unchanged], [300, partial]);
  const last = events.at(-1);
  assert.equal(last?.name, 'index:progress');
  assert.equal(last?.name === 'index:progress' && last.payload.phase, 'done');
});

test('index: while another Delve process holds the writer lock, the job says whom it waits for (index:waiting), then runs', { timeout: 120_000 }, async () => {
  const dir = notesFolder(root, 'waiting', 3);
  await service.status(); // the library is open
  const other = new Database(join(root, 'delve.db'));
  other.pragma('busy_timeout = 5000');
  // A live process on this host (this one) under another token: not stale, so the job waits for it.
  const holder = { pid: process.pid, host: hostname(), job: 'importing into', startedAt: Date.now() - 60_000, token: 'the-cli' };
  other.prepare("INSERT INTO settings (key, value) VALUES ('writer_lock', ?)").run(JSON.stringify(holder));
  const waited: EngineEvent[] = [];
  onEvent = (e) => {
    if (e.name !== 'index:waiting') return;
    waited.push(e);
    other.prepare("DELETE FROM settings WHERE key = 'writer_lock'").run(); // the other process finishes
  };
  try {
    const s = await service.index([dir]);
    assert.equal(s.documents, 3);
  } finally {
    onEvent = () => {};
    other.close();
  }
  assert.equal(waited.length, 1);
  const w = waited[0]!;
  assert.ok(w.name === 'index:waiting');
  assert.deepEqual([w.payload.pid, w.payload.job, w.payload.startedAt], [process.pid, 'importing into', holder.startedAt]);
  assert.match(w.payload.message, new RegExp(`another Delve process is importing into this library \\(pid ${process.pid}, started `));
});

test('search: without an id, a plain search; with one, stage events as search:event, and cancelSearch stops it', async () => {
  const plain = await service.search('hippocampus replay', { k: 3, mode: 'bm25' });
  assert.equal(plain.results.length, 3);
  ollama.respond(() => ({ content: 'hippocampus', delayMs: 20_000 }));
  events.length = 0;
  const full = service.search('hippocampus replay', { k: 3, mode: 'full', searchId: 's1' });
  while (!events.some((e) => e.name === 'search:event') || ollama.inFlight() === 0) {
    await new Promise((r) => setTimeout(r, 5));
  }
  const ev = events.find((e) => e.name === 'search:event');
  assert.ok(ev?.name === 'search:event' && ev.payload.searchId === 's1' && ev.payload.event.type === 'stage' && ev.payload.event.stage.name === 'initial', JSON.stringify(ev));
  assert.equal(await service.cancelSearch('s1'), true);
  // The LLM answers only after 20 s: had the cancel not ended the search, it would resolve, not reject.
  await assert.rejects(full, { code: 'CANCELLED' });
  assert.equal(await service.cancelSearch('s1'), false);
  assert.equal(ollama.calls[0]?.model, 'qwen3:4b');
});
