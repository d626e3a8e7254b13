/**
 * The bench's engine process (engine-fork.ts + engine-child.ts around the real engine-server.js):
 * answers through the host's EngineClient, relays index:progress, indexes for real, and once
 * stopped fails calls instead of leaving them pending.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers/shared.js';
import { forkEngine } from './engine-fork.js';

test('engine-server.ts in a forked child serves the protocol and relays progress', async () => {
  const dir = tempDir('delve-fork-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'a.md'), '# Alpha\n\nMitochondria are the powerhouse of the cell.\n');
  writeFileSync(join(notes, 'b.txt'), 'Ribosomes translate messenger RNA into protein.\n');
  const engine = forkEngine({ dataDir: dir, dbPath: join(dir, 'delve.db') });
  try {
    const summary = await engine.client.call('index', [[notes]]);
    assert.equal(summary.documents, 2);
    assert.ok(summary.chunks >= 2);
    assert.ok((engine.events.byName['index:progress'] ?? 0) > 0, 'index:progress reached the fake window');
    assert.ok(engine.events.bytes > 0);
    const status = await engine.client.call('status', []);
    assert.equal(status.totals.documents, 2);
  } finally {
    assert.equal(await engine.stop(), 0, 'close ends the process cleanly');
  }
  await assert.rejects(engine.client.call('status', []), (err: Error & { code?: string }) => err.code === 'ENGINE_UNAVAILABLE');
});
