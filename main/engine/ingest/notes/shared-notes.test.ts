/**
 * Scale test on the real notes in ../shared/notes (or $DELVE_SHARED/notes): every note is extracted
 * and chunked without error, offsets are exact, and the throughput (notes/s) is printed.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chunkBlocks, DEFAULT_CHUNK_OPTIONS } from '../../chunk/chunker.js';
import { extractNote } from './extract.js';

function repoRoot(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = resolve(dir, '..');
    if (up === dir) throw new Error('repository root (package.json) not found above the test');
    dir = up;
  }
  return dir;
}

function notesDir(): string {
  const shared = process.env.DELVE_SHARED ?? resolve(repoRoot(), '../shared');
  const dir = join(shared, 'notes');
  if (!existsSync(dir)) throw new Error(`shared notes not found at ${dir}: put the shared/ folder beside the repository or set DELVE_SHARED`);
  return dir;
}

test('all shared notes extract and chunk without error; prints notes/s', { timeout: 120_000 }, () => {
  const dir = notesDir();
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(?:md|markdown|txt)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
  assert.ok(files.length >= 2077, `expected the 2,077 shared notes, found ${files.length}`);
  const contents = files.map((f) => readFileSync(f));
  const totals = { chunks: 0, blocks: 0, wikilinks: 0, tags: 0, headed: 0, warnings: 0 };
  const failures: string[] = [];
  const t0 = performance.now();
  for (let i = 0; i < files.length; i++) {
    const path = files[i]!;
    try {
      const buf = contents[i]!;
      const doc = extractNote(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), { path });
      const chunks = chunkBlocks(doc, DEFAULT_CHUNK_OPTIONS);
      for (const b of doc.blocks) if (doc.text.slice(b.start, b.end) !== b.text) throw new Error(`block offsets wrong at ${b.start}`);
      for (const c of chunks) {
        if (doc.text.slice(c.start, c.end) !== c.text) throw new Error(`chunk ${c.ordinal} offsets wrong`);
        if (c.text.length > DEFAULT_CHUNK_OPTIONS.targetChars) throw new Error(`chunk ${c.ordinal} is ${c.text.length} chars`);
      }
      totals.chunks += chunks.length;
      totals.blocks += doc.blocks.length;
      totals.wikilinks += (doc.metadata.links as { kind: string }[]).filter((l) => l.kind === 'wikilink').length;
      totals.tags += (doc.metadata.tags as string[]).length;
      totals.headed += chunks.some((c) => c.headingPath.length > 0) ? 1 : 0;
      totals.warnings += doc.warnings.length;
    } catch (err) {
      failures.push(`${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`extract + chunk: ${files.length} notes in ${seconds.toFixed(2)} s = ${Math.round(files.length / seconds)} notes/s; ${JSON.stringify(totals)}`);
  assert.deepEqual(failures, []);
  assert.ok(totals.wikilinks >= 900, `the Obsidian and Foam notes hold ~1,000 wikilinks; found ${totals.wikilinks}`);
  assert.ok(totals.tags > 0 && totals.headed > files.length / 2, JSON.stringify(totals));
});
