/**
 * Grey images and a tolerant comparison for two renderings of the same page by different engines
 * (pdf.js in Chromium, poppler's pdftoppm): both are cut into blocks, each block's mean darkness is
 * compared. Antialiasing and font hinting differ per pixel, never in where the ink is.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Grey { width: number; height: number; data: Uint8Array }

/** Reads a binary PGM (P5), as pdftoppm -gray writes it. */
export function readPgm(file: string): Grey {
  const buf = readFileSync(file);
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!m) throw new Error(`${file} is not a binary PGM`);
  return { width: Number(m[1]), height: Number(m[2]), data: new Uint8Array(buf.subarray(m[0].length)) };
}

/** pdftoppm's rendering of page 1, grey, at exactly width×height pixels. */
export function popplerPage(pdf: string, outBase: string, width: number, height: number): Grey {
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-singlefile', '-gray', '-scale-to-x', String(width), '-scale-to-y', String(height), pdf, outBase], { stdio: 'pipe' });
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-singlefile', '-png', '-scale-to-x', String(width), '-scale-to-y', String(height), pdf, outBase], { stdio: 'pipe' });
  return readPgm(`${outBase}.pgm`);
}

export interface Comparison {
  /** Pearson correlation of the blocks' darkness (1: ink in the same places, in the same amounts). */
  correlation: number;
  /** Mean absolute difference of the blocks' darkness, 0–255. */
  meanAbsDiff: number;
  /** Ink (mean darkness) of each image, 0–255. */
  inkA: number;
  inkB: number;
}

export function compareBlocks(a: Grey, b: Grey, block = 8): Comparison {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`sizes differ: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  const bw = Math.floor(a.width / block), bh = Math.floor(a.height / block);
  const da: number[] = [], db: number[] = [];
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let sa = 0, sb = 0;
      for (let y = by * block; y < (by + 1) * block; y++) {
        for (let x = bx * block; x < (bx + 1) * block; x++) {
          sa += 255 - a.data[y * a.width + x]!;
          sb += 255 - b.data[y * b.width + x]!;
        }
      }
      da.push(sa / (block * block));
      db.push(sb / (block * block));
    }
  }
  const n = da.length;
  const ma = da.reduce((s, v) => s + v, 0) / n, mb = db.reduce((s, v) => s + v, 0) / n;
  let cov = 0, va = 0, vb = 0, diff = 0;
  for (let i = 0; i < n; i++) {
    cov += (da[i]! - ma) * (db[i]! - mb);
    va += (da[i]! - ma) ** 2;
    vb += (db[i]! - mb) ** 2;
    diff += Math.abs(da[i]! - db[i]!);
  }
  return { correlation: va === 0 || vb === 0 ? 0 : cov / Math.sqrt(va * vb), meanAbsDiff: diff / n, inkA: ma, inkB: mb };
}
