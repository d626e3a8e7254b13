/**
 * A Vite plugin that copies pdf.js's data folders into the renderer build, at pdfjs/<folder>/, so
 * the viewer loads them from the app's own origin (app://delve/pdfjs/…): wasm/ (the JPEG 2000,
 * JBIG2 and colour-management decoders), cmaps/ (CJK and other predefined CMaps) and
 * standard_fonts/ (the 14 standard fonts a PDF may use without embedding them).
 * renderer/src/viewer/pdfjs.ts points pdf.js at them (PDFJS_ASSET_DIRS are the folder names).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export const PDFJS_ASSET_DIRS = ['wasm', 'cmaps', 'standard_fonts'] as const;

export function pdfjsAssets(): Plugin {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    name: 'delve-pdfjs-assets',
    apply: 'build',
    generateBundle() {
      for (const dir of PDFJS_ASSET_DIRS) {
        for (const name of readdirSync(join(pkgDir, dir))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source: readFileSync(join(pkgDir, dir, name)) });
        }
      }
    },
  };
}
