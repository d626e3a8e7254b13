/**
 * OCR part of `npm run bench:ingest`: Delve's OCR phase over the scanned PDFs of ../shared/pdfs
 * (fresh database: every image-only page recognised, rendering included) against the `tesseract`
 * CLI on the same rendered pages with the same language data, one page at a time with its own
 * threads, and two pages at a time with one thread each (both cores, as Delve's two workers). Once
 * per language data source: Delve's bundled npm data, and Tesseract's installed on the computer
 * (when it has the languages; the CLI then reads the very folder Delve read).
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../main/engine/index.js';
import { ocrData } from '../../main/engine/ocr/data.js';
import { npmTessdata, renderPages, tesseractMissing } from '../helpers/ocr-reference.js';
import { tempDir } from '../helpers/shared.js';

const LANGS = ['eng'];

function cli(png: string, tessdata: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn('tesseract', [png, '-', '-l', LANGS.join('+'), '--tessdata-dir', tessdata], { stdio: 'ignore', env });
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tesseract exited ${code} on ${png}`))));
  });
}

async function cliRound(pngs: string[], tessdata: string, parallel: number): Promise<number> {
  const env = parallel > 1 ? { ...process.env, OMP_THREAD_LIMIT: '1' } : process.env;
  const t0 = performance.now();
  const queue = [...pngs];
  await Promise.all(Array.from({ length: parallel }, async () => {
    for (let p = queue.shift(); p; p = queue.shift()) await cli(p, tessdata, env);
  }));
  return performance.now() - t0;
}

export async function ocrBench(pdfDir: string, rounds: number): Promise<Record<string, unknown>> {
  const missing = tesseractMissing();
  if (missing) return { skipped: missing };
  let system: Record<string, unknown>;
  try {
    const folder = ocrData(LANGS, 'system').folder;
    system = { folder, ...await sourceBench(pdfDir, rounds, 'system', folder) };
  } catch (err) {
    system = { skipped: (err as Error).message };
  }
  return { bundled: await sourceBench(pdfDir, rounds, 'bundled', npmTessdata(LANGS)), system };
}

async function sourceBench(pdfDir: string, rounds: number, data: 'bundled' | 'system', tessdata: string): Promise<Record<string, unknown>> {
  const scanned = readdirSync(pdfDir).filter((f) => f.startsWith('scanned_')).map((f) => join(pdfDir, f));
  const delve: { pages: number; ms: number }[] = [];
  const seq: number[] = [];
  const par: number[] = [];
  const pngs: string[] = [];
  for (let i = 0; i < rounds; i++) {
    const dir = tempDir('delve-ocr-bench-');
    const engine = await createEngine({ dbPath: join(dir, 'bench.db'), ocr: { enabled: true, languages: LANGS, workers: 2, data } });
    try {
      const s = await engine.index(scanned);
      delve.push({ pages: s.ocr?.recognised ?? 0, ms: s.ocr?.ms ?? 0 });
      if (pngs.length === 0) {
        for (const path of scanned) {
          const doc = engine.document(engine.status().documents.find((d) => d.path === path)!.id);
          pngs.push(...await renderPages(path, doc.pages.filter((p) => p.ocr).map((p) => p.page), dir, `b${pngs.length}`));
        }
      }
    } finally {
      engine.close();
    }
    seq.push(await cliRound(pngs, tessdata, 1));
    par.push(await cliRound(pngs, tessdata, 2));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rate = (pages: number, ms: number) => Math.round((pages / (ms / 1000)) * 100) / 100;
  const delveRate = rate(delve[0]!.pages, median(delve.map((d) => d.ms)));
  const seqRate = rate(pngs.length, median(seq));
  const parRate = rate(pngs.length, median(par));
  return {
    pages: pngs.length, rounds,
    delveOcrPagesPerSec: delveRate,
    tesseractCliPagesPerSec: seqRate,
    tesseractCli2ParallelPagesPerSec: parRate,
    ratioVsBestCli: Math.round((delveRate / Math.max(seqRate, parRate)) * 100) / 100,
    mediansMs: { delveOcr: median(delve.map((d) => d.ms)), cli: Math.round(median(seq)), cli2Parallel: Math.round(median(par)) },
  };
}
