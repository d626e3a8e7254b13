/**
 * Real text for the search benchmark: SciFact abstracts and the shared Markdown notes, cut into
 * sentence windows. To reach 100k distinct chunks without inventing text, the sources are cut again in
 * further passes with other window sizes and offsets (like overlapping chunks of re-chunked documents);
 * a window whose text already exists is skipped, so every chunk is distinct.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchChunk {
  /** The bench document (one source cut by one pass) the chunk belongs to. */
  doc: string;
  title: string;
  text: string;
  hash: string;
}

interface Source { id: string; title: string; sentences: string[] }

const SENTENCE = /[^.!?\n]+(?:[.!?]+|\n|$)/g;

function sentencesOf(text: string): string[] {
  return (text.match(SENTENCE) ?? []).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 2);
}

function scifact(shared: string): Source[] {
  const lines = readFileSync(join(shared, 'data/scifact/corpus.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.map((l) => {
    const d = JSON.parse(l) as { _id: string; title: string; text: string };
    return { id: `scifact/${d._id}`, title: d.title, sentences: sentencesOf(d.text) };
  });
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

function notes(shared: string): Source[] {
  const root = join(shared, 'notes');
  return markdownFiles(root).map((p) => {
    const body = readFileSync(p, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    const title = /^#\s+(.+)$/m.exec(body)?.[1] ?? p.slice(root.length + 1);
    return { id: `notes/${p.slice(root.length + 1)}`, title, sentences: sentencesOf(body.replace(/[#>*`|[\]]+/g, ' ')) };
  }).filter((s) => s.sentences.length > 0);
}

/** Sources alternate between SciFact and notes, so any prefix of the stream mixes both. */
function interleave(a: Source[], b: Source[]): Source[] {
  const out: Source[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}

/** Window sizes (sentences) and start offsets of each pass. */
const PASSES: { size: number; offset: number }[] = [
  { size: 4, offset: 0 }, { size: 3, offset: 1 }, { size: 5, offset: 2 }, { size: 2, offset: 0 },
  { size: 6, offset: 3 }, { size: 3, offset: 0 }, { size: 4, offset: 2 }, { size: 2, offset: 1 },
  // Beyond 100k (the 1M size): every other (size, offset) of windows of 2 to 12 sentences, so every
  // window of those sizes is cut once; the first passes above are unchanged, so smaller sizes keep their chunks.
  ...morePasses(),
];

function morePasses(): { size: number; offset: number }[] {
  const first = new Set(['4/0', '3/1', '5/2', '2/0', '6/3', '3/0', '4/2', '2/1']);
  const out: { size: number; offset: number }[] = [];
  for (let size = 2; size <= 12; size++) {
    for (let offset = 0; offset < size; offset++) if (!first.has(`${size}/${offset}`)) out.push({ size, offset });
  }
  return out;
}

/** The first `n` distinct chunks of the stream (the same prefix for every n). */
export function benchChunks(shared: string, n: number): BenchChunk[] {
  const sources = interleave(scifact(shared), notes(shared));
  const seen = new Set<string>();
  const out: BenchChunk[] = [];
  for (const [p, pass] of PASSES.entries()) {
    for (const s of sources) {
      for (let i = pass.offset % Math.max(1, s.sentences.length); i < s.sentences.length; i += pass.size) {
        const text = s.sentences.slice(i, i + pass.size).join(' ');
        if (text.length < 40) continue;
        const hash = createHash('sha256').update(text).digest('hex');
        if (seen.has(hash)) continue;
        seen.add(hash);
        out.push({ doc: `${s.id}#${p}`, title: s.title, text, hash });
        if (out.length >= n) return out;
      }
    }
  }
  throw new Error(`the shared texts give only ${out.length} distinct chunks, fewer than ${n}`);
}

export interface BenchQuery { id: string; text: string }

export function benchQueries(shared: string, n: number): BenchQuery[] {
  return readFileSync(join(shared, 'data/scifact/queries.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, n)
    .map((l) => { const q = JSON.parse(l) as { _id: string; text: string }; return { id: q._id, text: q.text }; });
}
