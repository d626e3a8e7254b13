/**
 * The write benchmark's library: the search benchmark's distinct chunks of real text (SciFact
 * abstracts and the shared notes, search-corpus.ts) packed into paper-sized documents, the shape an
 * index run of PDFs writes: `chunksPerDoc` chunks per document (60 by default: 600k chunks for 10,000
 * papers), 6 chunks per page, each page's text the text of its chunks, heading paths set.
 */
import type { ParsedFile } from '../../main/engine/store/write.js';
import type { ChunkDraft } from '../../main/engine/types.js';
import type { BenchChunk } from './search-corpus.js';

const CHUNKS_PER_PAGE = 6;

export function benchDocs(chunks: BenchChunk[], chunksPerDoc: number): ParsedFile[] {
  const out: ParsedFile[] = [];
  for (let d = 0; d * chunksPerDoc < chunks.length; d++) {
    const list = chunks.slice(d * chunksPerDoc, (d + 1) * chunksPerDoc);
    const pages: { number: number; label: string | null; text: string; needsOcr: boolean }[] = [];
    const pageStarts: number[] = [];
    const drafts: ChunkDraft[] = [];
    let at = 0;
    for (let p = 0; p * CHUNKS_PER_PAGE < list.length; p++) {
      const onPage = list.slice(p * CHUNKS_PER_PAGE, (p + 1) * CHUNKS_PER_PAGE);
      pageStarts.push(at);
      let inPage = 0;
      onPage.forEach((c, i) => {
        const start = at + inPage;
        drafts.push({ ordinal: p * CHUNKS_PER_PAGE + i, text: c.text, hash: c.hash, start, end: start + c.text.length,
          firstPage: p + 1, lastPage: p + 1, headingPath: [list[0]!.title, c.title] });
        inPage += c.text.length + 2;
      });
      const text = onPage.map((c) => c.text).join('\n\n');
      pages.push({ number: p + 1, label: String(p + 1), text, needsOcr: false });
      at += text.length + 2;
    }
    const text = pages.map((p) => p.text).join('\n\n');
    out.push({
      path: `/bench/papers/${String(d).padStart(6, '0')}.pdf`, kind: 'pdf', size: text.length, mtimeMs: 0,
      contentHash: list[0]!.hash, chunking: 'bench',
      doc: { kind: 'pdf', title: list[0]!.title, authors: ['A. Author', 'B. Author'], year: 2020, doi: null, metadata: {}, text,
        pages, pageStarts, blocks: [], warnings: [] },
      chunks: drafts,
    });
  }
  return out;
}
