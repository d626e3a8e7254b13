/**
 * Test support (not a test file): the shared PDFs, poppler reference output, and cached
 * extractions so one test file extracts each PDF once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExtractedDoc } from '../../main/engine/types.js';
import { extractPdf } from '../../main/engine/ingest/pdf/extract.js';
import { REPO_ROOT } from './shared.js';

/** Repository root (dist/main/engine/ingest/pdf → five levels up). */
export { REPO_ROOT };

export function sharedPdfDir(): string {
  const shared = process.env.DELVE_SHARED ?? path.resolve(REPO_ROOT, '../shared');
  const dir = path.join(shared, 'pdfs');
  if (!existsSync(dir)) {
    throw new Error(`shared test PDFs not found at ${dir}: put the shared/ folder beside the repository or set DELVE_SHARED`);
  }
  return dir;
}

export function sharedPdfs(): string[] {
  return readdirSync(sharedPdfDir()).filter((f) => f.endsWith('.pdf')).sort();
}

export function pdfPath(file: string): string {
  return path.join(sharedPdfDir(), file);
}

/** Output of a poppler/qpdf command; fails loudly when the tool is missing. */
export function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw new Error(`${cmd} is needed for this test (apt-get install -y poppler-utils qpdf): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** pdftotext (default mode) per page, as printed. */
export function pdftotextPages(file: string, args: string[] = []): string[] {
  const pages = tool('pdftotext', [...args, pdfPath(file), '-']).split('\f');
  if (pages.length > 1 && pages[pages.length - 1] === '') pages.pop();
  return pages;
}

const cache = new Map<string, Promise<ExtractedDoc>>();

export function extracted(file: string): Promise<ExtractedDoc> {
  let p = cache.get(file);
  if (!p) cache.set(file, (p = extractPdf(new Uint8Array(readFileSync(pdfPath(file))), { path: file })));
  return p;
}

/** Whitespace-normalised text (NFKC, as pdftotext and pdf.js both expand ligatures). */
export function normalize(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}
