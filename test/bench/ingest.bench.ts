/**
 * `npm run bench:ingest`: Delve's ingestion rate (extraction + chunking + FTS, all cores) over
 * ../shared/pdfs against pdftotext over the same files in the same run, plus notes/s over
 * ../shared/notes and peak RSS. Medians of several rounds; the ratio is what to compare across
 * machines, not the absolute rates.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../main/engine/index.js';
import { sharedDir, tempDir } from '../helpers/shared.js';
import { ocrBench } from './ocr-bench.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function delveRound(paths: string[]): Promise<{ ms: number; pages: number; documents: number }> {
  // OCR off: the text-layer ingestion rate, as before OCR existed (OCR is measured on its own below).
  const engine = await createEngine({ dbPath: join(tempDir('delve-bench-'), 'bench.db'), ocr: { enabled: false } });
  try {
    const t0 = performance.now();
    const s = await engine.index(paths);
    return { ms: performance.now() - t0, pages: s.pages, documents: s.documents };
  } finally {
    engine.close();
  }
}

function pdftotextRound(files: string[], parallel: number): number {
  const t0 = performance.now();
  if (parallel === 1) {
    for (const f of files) {
      const r = spawnSync('pdftotext', [f, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
      if (r.error) throw new Error(`pdftotext is needed (apt-get install -y poppler-utils): ${r.error.message}`);
    }
  } else {
    const script = `printf '%s\\0' "$@" | xargs -0 -P ${parallel} -n 1 sh -c 'pdftotext "$0" - >/dev/null 2>&1'`;
    spawnSync('bash', ['-c', script, 'bench', ...files], { stdio: 'ignore' });
  }
  return performance.now() - t0;
}

function pdfPages(files: string[]): number {
  let n = 0;
  for (const f of files) n += Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [f], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
  return n;
}

async function main(): Promise<void> {
  const shared = sharedDir();
  const pdfDir = join(shared, 'pdfs');
  const files = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).map((f) => join(pdfDir, f));
  const pages = pdfPages(files);
  const delveMs: number[] = [];
  const popplerMs: number[] = [];
  const popplerParMs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const d = await delveRound([pdfDir]);
    delveMs.push(d.ms);
    popplerMs.push(pdftotextRound(files, 1));
    popplerParMs.push(pdftotextRound(files, availableParallelism()));
  }
  const notesMs: number[] = [];
  let notes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const d = await delveRound([join(shared, 'notes')]);
    notesMs.push(d.ms);
    notes = d.documents;
  }
  const ocr = process.env.BENCH_OCR === '0' ? { skipped: 'BENCH_OCR=0' } : await ocrBench(pdfDir, Number(process.env.BENCH_OCR_ROUNDS ?? 1));
  const delveRate = pages / (median(delveMs) / 1000);
  const popplerRate = pages / (median(popplerMs) / 1000);
  const popplerParRate = pages / (median(popplerParMs) / 1000);
  const report = {
    cores: availableParallelism(),
    rounds: ROUNDS,
    pdfs: { files: files.length, pages },
    delvePagesPerSec: round(delveRate),
    pdftotextPagesPerSec: round(popplerRate),
    pdftotextParallelPagesPerSec: round(popplerParRate),
    ratioVsPdftotext: round(delveRate / popplerRate, 2),
    ratioVsPdftotextParallel: round(delveRate / popplerParRate, 2),
    notes,
    notesPerSec: round(notes / (median(notesMs) / 1000)),
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
    ocr,
    mediansMs: { delvePdfs: round(median(delveMs)), pdftotext: round(median(popplerMs)), pdftotextParallel: round(median(popplerParMs)), delveNotes: round(median(notesMs)) },
  };
  console.log(JSON.stringify(report, null, 2));
  console.log(`Delve ${report.delvePagesPerSec} pages/s vs pdftotext ${report.pdftotextPagesPerSec} pages/s (ratio ${report.ratioVsPdftotext}; goal ≥ 0.5); ` +
    `${report.notesPerSec} notes/s; peak RSS ${report.peakRssMiB} MiB`);
  const o = ocr as Record<string, unknown>;
  if (o.delveOcrPagesPerSec !== undefined) {
    console.log(`OCR: Delve ${o.delveOcrPagesPerSec} pages/s vs tesseract CLI ${o.tesseractCliPagesPerSec} (1 at a time) / ${o.tesseractCli2ParallelPagesPerSec} (2 at a time) pages/s (ratio ${o.ratioVsBestCli}; goal ≥ 0.5)`);
  }
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

await main();
