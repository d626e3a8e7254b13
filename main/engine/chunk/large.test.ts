/** A 50 MB single-line note must chunk in linear time and bounded memory. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractNote } from '../ingest/notes/extract.js';
import type { ChunkDraft, ExtractedDoc } from '../types.js';
import { chunkBlocks, DEFAULT_CHUNK_OPTIONS } from './chunker.js';

const SIZE = 50 * 1024 * 1024;

function oneLine(piece: string): string {
  return piece.repeat(Math.ceil(SIZE / piece.length)).slice(0, SIZE);
}

function checkCoverage(text: string, chunks: ChunkDraft[]): void {
  assert.ok(chunks.length > 40_000, `${chunks.length} chunks`);
  let prevEnd = 0;
  for (const c of chunks) {
    if (c.text.length > DEFAULT_CHUNK_OPTIONS.targetChars || c.start > prevEnd + 1) assert.fail(`chunk ${c.ordinal}: ${c.start}-${c.end}`);
    prevEnd = c.end;
  }
  assert.ok(prevEnd >= text.trimEnd().length - 1);
}

for (const [name, piece] of [['words', 'lorem ipsum dolor sit amet consectetur '], ['sentences', 'Short one. Another here! Ok? '], ['no spaces', 'abcdefghij']] as const) {
  test(`a 50 MB one-line block of ${name} chunks in well under 10 s`, { timeout: 60_000 }, () => {
    const text = oneLine(piece);
    const doc: ExtractedDoc = {
      kind: 'note', title: null, authors: [], year: null, doi: null, metadata: {}, text, pages: [], pageStarts: [],
      blocks: [{ text, start: 0, end: text.length, page: null, headingPath: [] }], warnings: [],
    };
    const t0 = performance.now();
    const chunks = chunkBlocks(doc, DEFAULT_CHUNK_OPTIONS);
    const ms = performance.now() - t0;
    console.log(`50 MB ${name}: ${chunks.length} chunks in ${Math.round(ms)} ms`);
    assert.ok(ms < 10_000, `took ${Math.round(ms)} ms`);
    checkCoverage(text, chunks);
  });
}

test('a 50 MB one-line Markdown note extracts and chunks in well under 10 s', { timeout: 60_000 }, () => {
  const bytes = new Uint8Array(Buffer.from(`# Huge\n\n${oneLine(`${'lorem ipsum dolor sit amet. '.repeat(30)}#tag [[link]] `)}`));
  const t0 = performance.now();
  const doc = extractNote(bytes, { path: '/n/huge.md' });
  const chunks = chunkBlocks(doc, DEFAULT_CHUNK_OPTIONS);
  const ms = performance.now() - t0;
  console.log(`50 MB note: extract + chunk ${chunks.length} chunks in ${Math.round(ms)} ms`);
  assert.ok(ms < 10_000, `took ${Math.round(ms)} ms`);
  assert.deepEqual(doc.metadata.tags, ['tag']);
  assert.deepEqual(chunks[1]?.headingPath, ['Huge']);
});
