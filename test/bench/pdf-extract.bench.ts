/**
 * Page rate of extractPdf against `pdftotext`, file by file, over a folder of PDFs (default: the
 * shared test PDFs). Not a test: run it by hand after a build:
 *
 *   node dist/test/bench/pdf-extract.bench.js [folder] [--rounds N]
 *
 * Each round times every file once with each tool (extractPdf in this thread after one warm-up
 * pass; pdftotext as a process per file, as an indexer would spawn it). Reports the median over
 * rounds of the total time and the resulting pages per second. DELVE_PDF_BACKEND=pdfjs times the
 * pdf.js backend instead of pdfium.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPdf } from '../../main/engine/ingest/pdf/extract.js';
import { REPO_ROOT } from '../helpers/shared.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds');
  const dir = positional[0] ?? path.join(process.env.DELVE_SHARED ?? path.resolve(REPO_ROOT, '../shared'), 'pdfs');
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort();
  const data = files.map((f) => new Uint8Array(readFileSync(path.join(dir, f))));

  let pages = 0;
  for (const bytes of data) pages += (await extractPdf(bytes)).pages.length; // warm-up
  const ours: number[][] = files.map(() => []);
  const theirs: number[][] = files.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < files.length; i++) {
      let t = performance.now();
      await extractPdf(data[i]!);
      ours[i]!.push(performance.now() - t);
      t = performance.now();
      execFileSync('pdftotext', [path.join(dir, files[i]!), '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
      theirs[i]!.push(performance.now() - t);
    }
  }
  const totals = (per: number[][]): number => median(Array.from({ length: rounds }, (_, r) => per.reduce((s, xs) => s + xs[r]!, 0)));
  files.forEach((f, i) => {
    console.log(`${f.padEnd(56)} extractPdf ${median(ours[i]!).toFixed(0).padStart(6)} ms   pdftotext ${median(theirs[i]!).toFixed(0).padStart(5)} ms`);
  });
  const a = totals(ours);
  const b = totals(theirs);
  console.log(`\n${files.length} files, ${pages} pages, ${rounds} rounds (medians of round totals)`);
  console.log(`extractPdf: ${a.toFixed(0)} ms = ${(pages / (a / 1000)).toFixed(1)} pages/s`);
  console.log(`pdftotext:  ${b.toFixed(0)} ms = ${(pages / (b / 1000)).toFixed(1)} pages/s`);
  console.log(`ratio: ${(b / a).toFixed(2)} of pdftotext's page rate`);
}

await main();
