/** The CLI's commands: each opens the engine, does one thing, and prints JSON or a short report. */
import type { DelveEngine } from '../index.js';
import type { IndexSummary, StatusReport } from '../api.js';
import { describeEmbed, describeEmbedding } from './embed-command.js';
import { progressBar } from './progress-bar.js';
import { UsageError, type Parsed } from './args.js';
import { onInterrupt } from './interrupt.js';

type Out = (s: string) => void;

export async function indexCommand(engine: DelveEngine, a: Parsed, out: Out, err: Out): Promise<void> {
  if (a.positionals.length === 0) throw new UsageError('index needs at least one file or folder');
  const bar = progressBar();
  const interrupt = onInterrupt();
  let s: IndexSummary;
  try {
    s = await engine.index(a.positionals, {
      signal: interrupt.signal, onProgress: (p) => bar?.update(p),
      onWait: (h) => err(`delve: ${h.message}; waiting for it to finish (Ctrl+C to stop)`),
    });
  } finally {
    bar?.end();
    interrupt.release();
  }
  if (s.rechunked > 0) err(`delve: chunking settings changed: re-chunked ${s.rechunked} documents`);
  if (a.json) {
    out(JSON.stringify(s));
    return;
  }
  const c = s.changes;
  out(`${s.documents} documents, ${s.pages} pages, ${s.chunks} chunks in ${(s.ms / 1000).toFixed(1)} s ` +
    `(${c.added} added, ${c.updated} updated, ${c.moved} moved, ${c.removed} removed, ${c.unchanged} unchanged)`);
  for (const k of s.skipped) out(`  skipped ${k.path}: ${k.code} ${k.message}`);
  for (const w of s.warnings) out(`  warning ${w.path}: ${w.code} ${w.message}`);
  for (const o of s.needsOcr) out(`  needs OCR ${o.path}: pages ${o.pages.join(', ')}`);
  const o = s.ocr;
  if (o && (o.recognised > 0 || o.cached > 0 || o.failed.length > 0)) {
    const data = o.data ? `, ${o.data.source === 'system' ? "Tesseract's language data" : "Delve's bundled language data"} (${o.data.folder})` : '';
    out(`  OCR: ${o.recognised} pages recognised${o.pagesPerSec !== null ? ` (${o.pagesPerSec} pages/s)` : ''}, ${o.cached} from the cache, ${o.failed.length} failed${data}`);
    for (const f of o.failed) out(`  OCR failed ${f.path} page ${f.page}: ${f.code} ${f.message}`);
  }
  if (s.embedding) out(describeEmbed(s.embedding));
  if (s.embeddingError) out(`  embedding failed: ${s.embeddingError.code} ${s.embeddingError.message}`);
}

function describeBm25(b: NonNullable<StatusReport['bm25']>): string {
  if (b.state === 'memory') return `in-memory postings, ${b.terms} terms, ${b.postings} postings, ${b.megabytes} MB`;
  if (b.state === 'loading') return 'from the index per query while the postings load';
  return b.reason === 'not loaded yet' ? 'from the index per query; postings load into memory at the first search' : `from the index per query (${b.reason})`;
}

export async function statusCommand(engine: DelveEngine, a: Parsed, out: Out): Promise<void> {
  const r: StatusReport = engine.status();
  const embedding = await engine.embeddingStatus();
  if (a.json) {
    out(JSON.stringify({ ...r, vec: engine.vec, embedding }));
    return;
  }
  const t = r.totals;
  out(`${t.documents} documents (${t.pdfs} PDFs, ${t.notes} notes${t.pubmed > 0 ? `, ${t.pubmed} PubMed records` : ''}${t.references ? `, ${t.references} reference records` : ''}${t.trials ? `, ${t.trials} trials` : ''}), ${t.pages} pages, ${t.chunks} chunks, ${t.errors} errors, ` +
    `${t.needsOcrPages} pages need OCR, ${(t.dbBytes / 1048576).toFixed(1)} MiB`);
  if (t.staleChunking > 0) out(`re-index planned: ${t.staleChunking} documents were chunked with other settings`);
  out(`vectors: ${engine.vec.version ? `sqlite-vec ${engine.vec.version}` : `unavailable (${engine.vec.error})`}`);
  out(describeEmbedding(embedding));
  if (r.bm25) out(`bm25: ${describeBm25(r.bm25)}`);
  for (const d of r.documents) if (d.status !== 'ok') out(`  ${d.status} ${d.path}: ${d.code} ${d.message ?? ''}`);
}

export async function watchCommand(engine: DelveEngine, a: Parsed, out: Out, err: Out): Promise<void> {
  if (a.positionals.length === 0) throw new UsageError('watch needs at least one folder');
  await indexCommand(engine, a, out, err);
  const interrupt = onInterrupt();
  const stop = await engine.watch(a.positionals, {
    signal: interrupt.signal,
    onIndexed: (s) => out(a.json ? JSON.stringify(s) : `re-indexed: ${JSON.stringify(s.changes)}`),
  });
  err('delve: watching for changes; Ctrl+C to stop');
  await new Promise<void>((res) => interrupt.signal.addEventListener('abort', () => res(), { once: true }));
  interrupt.release();
  await stop();
}

/** `delve import <file.bib|file.ris>`: references (and their attached files) into the library. */
export async function importCommand(engine: DelveEngine, a: Parsed, out: Out): Promise<void> {
  if (a.positionals.length !== 1) throw new UsageError('import takes one .bib or .ris file');
  const bar = a.json ? null : progressBar();
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    const s = await engine.importReferences(a.positionals[0]!, { signal: controller.signal, onProgress: (p) => bar?.update(p) });
    bar?.end();
    if (a.json) { out(JSON.stringify(s)); return; }
    out(`${s.file}: ${s.entries} entries, ${s.records} records (${s.merged} duplicates merged): ${s.added} added, ${s.updated} updated, ` +
      `${s.unchanged} unchanged, ${s.removed} removed; attached files ${s.files.indexed}/${s.files.attached} indexed (${s.files.parsed} parsed)`);
    for (const k of s.skipped) out(`  skipped ${k.path}: ${k.code} ${k.message}`);
    for (const e of s.errors) out(`  error: ${e}`);
  } finally {
    bar?.end();
    process.off('SIGINT', stop);
  }
}
