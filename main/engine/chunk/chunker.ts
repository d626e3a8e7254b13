/**
 * Structure-aware chunking: ExtractedDoc blocks → ChunkDrafts.
 *
 *  - Sections: consecutive blocks with the same page and heading path. A chunk never leaves its
 *    section, so it never spans two pages or two heading paths.
 *  - A section of at most `targetChars` is one chunk.
 *  - Otherwise the section is cut into units: blocks of at most the content budget
 *    (`targetChars - overlapChars`) stay whole, longer ones are split at sentence ends, then line
 *    breaks / whitespace, then hard cuts (units.ts). Units are grouped into chunks of at most the
 *    content budget at content-defined cut points (plan.ts), so an edit changes only the chunks near
 *    it: text elsewhere keeps its chunks and their hashes.
 *  - Overlap: a chunk that follows another in the same section starts with the last ≤ overlapChars
 *    of it, from a word start. With the content budget this keeps every chunk ≤ targetChars.
 *  - Each chunk is the trimmed slice doc.text.slice(start, end) (blocks must carry offsets into
 *    doc.text, in order), hashed with sha256; chunks without a letter or digit are dropped and
 *    ordinals count the chunks kept. Pure and deterministic; linear in the text's length.
 */
import { createHash } from 'node:crypto';
import { EngineError } from '../errors.js';
import type { Block, ChunkDraft, ChunkOptions, ExtractedDoc } from '../types.js';
import { firstWordStart } from './boundaries.js';
import { planChunks, type Units } from './plan.js';
import { splitLongBlock } from './units.js';

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { targetChars: 1200, overlapChars: 150 };

/** Bump when a change to the algorithm changes chunks: stored documents then get rechunked. */
const ALGORITHM = 'delve-chunker-1';
/** Content-defined cuts are at least this fraction of the content budget apart (plan.ts). */
const WINDOW = 0.5;

export function chunkingFingerprint(opts: ChunkOptions): string {
  return `${ALGORITHM};target=${opts.targetChars};overlap=${opts.overlapChars}`;
}

interface Limits { target: number; overlap: number; budget: number; window: number }

export function chunkBlocks(doc: ExtractedDoc, opts: ChunkOptions): ChunkDraft[] {
  const lim = limits(opts);
  const out: ChunkDraft[] = [];
  let section: Block[] = [];
  for (const block of doc.blocks) {
    const prev = section[section.length - 1];
    if (prev && !(sameSection(prev, block) && block.start >= prev.end)) {
      chunkSection(doc.text, section, lim, out);
      section = [];
    }
    if (block.end > block.start) section.push(block);
  }
  if (section.length) chunkSection(doc.text, section, lim, out);
  return out;
}

function limits(opts: ChunkOptions): Limits {
  const target = Math.floor(opts.targetChars);
  const requested = Math.floor(opts.overlapChars);
  if (!Number.isFinite(target) || target < 20) throw new EngineError('BAD_ARGUMENT', `chunk size must be at least 20 characters (got ${opts.targetChars})`);
  if (!Number.isFinite(requested) || requested < 0) throw new EngineError('BAD_ARGUMENT', `chunk overlap must be 0 or more (got ${opts.overlapChars})`);
  const overlap = Math.min(requested, Math.floor(target / 2));
  const budget = target - overlap;
  return { target, overlap, budget, window: Math.floor(budget * WINDOW) };
}

function sameSection(a: Block, b: Block): boolean {
  if (a.page !== b.page || a.headingPath.length !== b.headingPath.length) return false;
  return a.headingPath.every((t, i) => t === b.headingPath[i]);
}

function chunkSection(text: string, blocks: Block[], lim: Limits, out: ChunkDraft[]): void {
  const first = blocks[0]!;
  const sectionStart = first.start;
  const sectionEnd = blocks[blocks.length - 1]!.end;
  const { page, headingPath } = first;
  if (sectionEnd - sectionStart <= lim.target) {
    emit(text, sectionStart, sectionEnd, page, headingPath, out);
    return;
  }
  const units: Units = { starts: [], ends: [] };
  const push = (s: number, e: number) => {
    units.starts.push(s);
    units.ends.push(e);
  };
  for (const b of blocks) {
    if (b.end - b.start <= lim.budget) push(b.start, b.end);
    else splitLongBlock(text, b.start, b.end, lim.budget, push);
  }
  let prevStart = -1;
  let prevEnd = -1;
  let a = 0;
  for (const b of planChunks(text, units, lim.budget, lim.window)) {
    const bodyStart = units.starts[a]!;
    const end = units.ends[b]!;
    const start = prevEnd < 0 ? bodyStart : overlapStart(text, prevStart, prevEnd, bodyStart, end, lim);
    emit(text, start, end, page, headingPath, out);
    prevStart = start;
    prevEnd = end;
    a = b + 1;
  }
}

/** Where a chunk whose own text is [s, e) starts: at a word start in the previous chunk's tail, or s. */
function overlapStart(text: string, prevStart: number, prevEnd: number, s: number, e: number, lim: Limits): number {
  if (lim.overlap === 0) return s;
  const lo = Math.max(prevStart, prevEnd - lim.overlap, e - lim.target);
  if (lo >= prevEnd) return s;
  const p = firstWordStart(text, lo, prevEnd, prevStart);
  return p === -1 ? s : p;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

function emit(text: string, start: number, end: number, page: number | null, headingPath: string[], out: ChunkDraft[]): void {
  const raw = text.slice(start, end);
  const body = raw.trim();
  if (!HAS_WORD.test(body)) return;
  const from = start + (raw.length - raw.trimStart().length);
  out.push({
    ordinal: out.length,
    text: body,
    hash: createHash('sha256').update(body).digest('hex'),
    start: from,
    end: from + body.length,
    firstPage: page,
    lastPage: page,
    headingPath: [...headingPath],
  });
}
