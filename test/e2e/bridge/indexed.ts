/** A bridge over a fresh library in `dir` with `folders` picked and indexed, as a user adding them would. */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startBridge, type Bridge } from './server.js';

export async function startIndexedBridge(dir: string, folders: string[]): Promise<Bridge> {
  mkdirSync(join(dir, 'exports'));
  const bridge = await startBridge({ dataDir: join(dir, 'data'), exportDir: join(dir, 'exports') });
  bridge.nextFolders = [...folders];
  await bridge.call('pickFolders');
  const indexed = await bridge.call('index', folders) as { ok: boolean };
  assert.equal(indexed.ok, true, JSON.stringify(indexed).slice(0, 300));
  return bridge;
}
