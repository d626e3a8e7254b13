import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { EngineError } from '../errors.js';
import type { Block, ChunkDraft, ExtractedDoc } from '../types.js';
import { chunkBlocks, chunkingFingerprint, DEFAULT_CHUNK_OPTIONS } from './chunker.js';

const OPTS = DEFAULT_CHUNK_OPTIONS;

/** Deterministic pseudo-random prose: paragraphs of 1–6 sentences of 5–24 words. */
function prose(seed: number) {
  let s = seed >>> 0;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const words = 'alpha beta gamma delta epsilon zeta theta kappa lambda sigma omega river stone cell fin tissue growth signal'.split(' ');
  const sentence = () => {
    const w = Array.from({ length: 5 + Math.floor(rnd() * 20) }, () => words[Math.floor(rnd() * words.length)]!);
    return `${w.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
  };
  return {
    sentence,
    paragraph: () => Array.from({ length: 1 + Math.floor(rnd() * 6) }, sentence).join(' '),
  };
}

interface Section { heading: string[]; page?: number | null; paragraphs: string[] }

/** Builds a doc whose text is the sections' paragraphs joined by blank lines, one block each. */
function makeDoc(sections: Section[], kind: 'note' | 'pdf' = 'note'): ExtractedDoc {
  let text = '';
  const blocks: Block[] = [];
  for (const sec of sections) {
    for (const p of sec.paragraphs) {
      if (text) text += '\n\n';
      blocks.push({ text: p, start: text.length, end: text.length + p.length, page: sec.page ?? null, headingPath: sec.heading });
      text += p;
    }
  }
  return { kind, title: null, authors: [], year: null, doi: null, metadata: {}, text, pages: [], pageStarts: [], blocks, warnings: [] };
}

function assertWellFormed(doc: ExtractedDoc, chunks: ChunkDraft[]): void {
  chunks.forEach((c, i) => {
    assert.equal(c.ordinal, i);
    assert.equal(doc.text.slice(c.start, c.end), c.text, `chunk ${i} offsets`);
    assert.equal(c.text, c.text.trim());
    assert.equal(c.hash, createHash('sha256').update(c.text).digest('hex'));
    assert.ok(c.text.length <= OPTS.targetChars, `chunk ${i} has ${c.text.length} chars`);
    assert.equal(c.firstPage, c.lastPage);
  });
}

const longSection = (seed: number, heading: string[], n = 40, page: number | null = null): Section => {
  const p = prose(seed);
  return { heading, page, paragraphs: Array.from({ length: n }, p.paragraph) };
};

test('defaults and fingerprint', () => {
  assert.deepEqual(DEFAULT_CHUNK_OPTIONS, { targetChars: 1200, overlapChars: 150 });
  assert.equal(chunkingFingerprint(OPTS), chunkingFingerprint({ targetChars: 1200, overlapChars: 150 }));
  assert.notEqual(chunkingFingerprint(OPTS), chunkingFingerprint({ targetChars: 1000, overlapChars: 150 }));
  assert.notEqual(chunkingFingerprint(OPTS), chunkingFingerprint({ targetChars: 1200, overlapChars: 0 }));
  assert.throws(() => chunkBlocks(makeDoc([]), { targetChars: 5, overlapChars: 0 }), (e: unknown) => e instanceof EngineError && e.code === 'BAD_ARGUMENT');
});

test('a small section is one chunk equal to its text; sections never share a chunk', () => {
  const doc = makeDoc([
    { heading: ['A'], paragraphs: ['First para.', 'Second para.'] },
    { heading: ['A', 'B'], paragraphs: ['Third para.'] },
    { heading: ['C'], paragraphs: ['Fourth.'] },
  ]);
  const chunks = chunkBlocks(doc, OPTS);
  assertWellFormed(doc, chunks);
  assert.deepEqual(chunks.map((c) => [c.text, c.headingPath, c.firstPage]), [
    ['First para.\n\nSecond para.', ['A'], null],
    ['Third para.', ['A', 'B'], null],
    ['Fourth.', ['C'], null],
  ]);
});

test('no chunk crosses a page or a heading path', () => {
  const doc = makeDoc([longSection(1, [], 12, 1), longSection(2, [], 15, 2), longSection(3, ['Methods'], 10, 2), longSection(4, ['Methods'], 9, 3)], 'pdf');
  const chunks = chunkBlocks(doc, OPTS);
  assertWellFormed(doc, chunks);
  for (const c of chunks) {
    const inside = doc.blocks.filter((b) => b.end > c.start && b.start < c.end);
    assert.ok(inside.length > 0);
    for (const b of inside) {
      assert.equal(b.page, c.firstPage, `chunk ${c.ordinal} crosses pages`);
      assert.deepEqual(b.headingPath, c.headingPath, `chunk ${c.ordinal} crosses sections`);
    }
  }
  assert.deepEqual([...new Set(chunks.map((c) => c.firstPage))], [1, 2, 3]);
});

test('chunk sizes stay near the target in a long section', () => {
  const doc = makeDoc([longSection(5, ['Long'], 80)]);
  const chunks = chunkBlocks(doc, OPTS);
  assertWellFormed(doc, chunks);
  const sizes = chunks.map((c) => c.text.length);
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  assert.ok(sizes.filter((n) => n < 0.4 * OPTS.targetChars).length <= sizes.length / 10, `too many small chunks: ${sizes}`);
  assert.ok(sizes.every((n) => n >= 0.2 * OPTS.targetChars), `tiny chunk: ${sizes}`);
  assert.ok(mean >= 0.6 * OPTS.targetChars, `mean ${mean}`);
  assert.ok(chunks.length <= Math.ceil(doc.text.length / (0.5 * OPTS.targetChars)), `${chunks.length} chunks`);
});

test('overlap: the next chunk in a section starts with ≤ overlapChars of the previous, at a word start', () => {
  const doc = makeDoc([longSection(6, ['S1'], 30), longSection(7, ['S2'], 30)]);
  const chunks = chunkBlocks(doc, OPTS);
  let overlapped = 0;
  for (let i = 1; i < chunks.length; i++) {
    const prev = chunks[i - 1]!;
    const cur = chunks[i]!;
    if (prev.headingPath[0] !== cur.headingPath[0]) {
      assert.ok(cur.start >= prev.end, 'no overlap across sections');
      continue;
    }
    const shared = prev.end - cur.start;
    assert.ok(shared > 0 && shared <= OPTS.overlapChars, `overlap of ${shared} chars`);
    assert.ok(prev.text.endsWith(doc.text.slice(cur.start, prev.end)));
    assert.match(doc.text[cur.start - 1]!, /\s/, 'overlap starts at a word start');
    overlapped++;
  }
  assert.ok(overlapped >= 10);
  const none = chunkBlocks(doc, { targetChars: 1200, overlapChars: 0 });
  for (let i = 1; i < none.length; i++) assert.ok(none[i]!.start >= none[i - 1]!.end);
});

test('deterministic: same input, same chunks', () => {
  const doc = makeDoc([longSection(8, ['X'], 50), longSection(9, ['Y'], 5)]);
  assert.deepEqual(chunkBlocks(doc, OPTS), chunkBlocks(structuredClone(doc), OPTS));
});

test('chunks without letters or digits are dropped and ordinals stay contiguous', () => {
  const doc = makeDoc([{ heading: ['A'], paragraphs: ['Words here.'] }, { heading: ['B'], paragraphs: ['---', '* * *'] }, { heading: ['C'], paragraphs: ['More words 42.'] }]);
  const chunks = chunkBlocks(doc, OPTS);
  assert.deepEqual(chunks.map((c) => [c.ordinal, c.text]), [[0, 'Words here.'], [1, 'More words 42.']]);
});

test('edits change only nearby chunks; unchanged text keeps its hashes even when offsets shift', () => {
  const base = [longSection(10, ['One'], 30), longSection(11, ['Two'], 40), longSection(12, ['Three'], 30)];
  const before = chunkBlocks(makeDoc(base), OPTS);
  const old = new Set(before.map((c) => c.hash));
  const hashesOf = (name: string, list: ChunkDraft[]) => list.filter((c) => c.headingPath[0] === name).map((c) => c.hash);
  const p = prose(99);
  const changed: number[] = [];
  for (let k = 0; k < 40; k += 3) {
    for (const edit of ['append', 'truncate', 'insert']) {
      const two = [...base[1]!.paragraphs];
      if (edit === 'append') two[k] = `${two[k]} ${p.sentence()}`;
      else if (edit === 'truncate') two[k] = two[k]!.slice(0, Math.ceil(two[k]!.length / 3));
      else two.splice(k, 0, p.paragraph());
      const doc = makeDoc([base[0]!, { ...base[1]!, paragraphs: two }, base[2]!]);
      const after = chunkBlocks(doc, OPTS);
      const edited = doc.blocks.find((b) => b.text === two[k])!;
      const fresh = after.filter((c) => !old.has(c.hash));
      changed.push(fresh.length);
      const where = `${edit} at paragraph ${k}`;
      assert.ok(fresh.length >= 1 && fresh.length <= 4, `${where}: ${fresh.length} chunks changed`);
      for (const c of fresh) {
        assert.equal(c.headingPath[0], 'Two', `${where}: only the edited section changes`);
        const near = c.end > edited.start - 2 * OPTS.targetChars && c.start < edited.end + 2 * OPTS.targetChars;
        assert.ok(near, `${where}: chunk ${c.ordinal} at ${c.start}-${c.end} changed, far from the edit at ${edited.start}-${edited.end}`);
      }
      assert.deepEqual(hashesOf('One', after), hashesOf('One', before));
      assert.deepEqual(hashesOf('Three', after), hashesOf('Three', before));
    }
  }
  const mean = changed.reduce((a, b) => a + b, 0) / changed.length;
  assert.ok(mean <= 2.5, `on average ${mean.toFixed(2)} chunks changed per edit`);
});
