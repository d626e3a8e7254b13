/**
 * The reference for Delve's OCR: Debian's `tesseract` CLI run on the very PNG Delve's renderer
 * makes of a page, with either the CLI's own language data or the npm packages' data Delve uses
 * (gunzipped into a temp folder), and a character-level similarity between two texts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openPdfium } from '../../main/engine/ingest/pdf/pdfium/document.js';
import { languageFolder } from '../../main/engine/ocr/languages.js';
import { encodeGreyPng } from '../../main/engine/ocr/png.js';
import { tempDir } from './shared.js';

/** Null when `tesseract` runs, else why not (the caller skips with this message). */
export function tesseractMissing(): string | null {
  const r = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? 'the tesseract CLI is not installed (apt-get install -y tesseract-ocr tesseract-ocr-fra); CI installs it' : null;
}

/** A tessdata folder holding the npm packages' traineddata for `langs`, gunzipped. */
export function npmTessdata(langs: string[]): string {
  const dir = join(tempDir('delve-tessdata-'), 'tessdata');
  mkdirSync(dir, { recursive: true });
  for (const l of langs) {
    const gz = readFileSync(join(languageFolder(l)!, `${l}.traineddata.gz`));
    writeFileSync(join(dir, `${l}.traineddata`), gunzipSync(gz));
  }
  return dir;
}

/** Renders pages (1-based) of a PDF as Delve's OCR does and writes them as PNG files into `dir`. */
export async function renderPages(pdfPath: string, pages: number[], dir: string, tag: string): Promise<string[]> {
  const pdf = await openPdfium(new Uint8Array(readFileSync(pdfPath)), `${pdfPath}: `);
  try {
    return pages.map((n) => {
      const img = pdf.render(n - 1);
      const file = join(dir, `${tag}-${n}.png`);
      writeFileSync(file, encodeGreyPng(img.width, img.height, img.pixels, img.scale * 72));
      return file;
    });
  } finally {
    pdf.close();
  }
}

/** The CLI's text for one image; `tessdata` null uses the CLI's installed data. */
export function tesseractText(png: string, langs: string[], tessdata: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const args = [png, '-', '-l', langs.join('+'), ...(tessdata ? ['--tessdata-dir', tessdata] : [])];
  const r = spawnSync('tesseract', args, { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`tesseract failed on ${png}: ${r.stderr}`);
  return r.stdout;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** 1 − Levenshtein distance / longer length, over the texts with runs of whitespace made one space. */
export function similarity(a: string, b: string): number {
  const x = norm(a);
  const y = norm(b);
  if (x.length === 0 && y.length === 0) return 1;
  let prev = new Uint32Array(y.length + 1).map((_, j) => j);
  let cur = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    const c = x.charCodeAt(i - 1);
    for (let j = 1; j <= y.length; j++) {
      const sub = prev[j - 1]! + (c === y.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - prev[y.length]! / Math.max(x.length, y.length);
}
