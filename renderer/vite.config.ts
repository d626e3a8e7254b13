/**
 * Builds the renderer (React + TypeScript) into renderer/dist, loaded by the app from app://delve/.
 * No React plugin: Vite's own esbuild compiles TSX with the automatic JSX runtime.
 * Relative base, so the built index.html finds its assets wherever it is served from.
 * pdf.js's wasm/, cmaps/ and standard_fonts/ are copied to dist/pdfjs/ (pdfjsAssets.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pdfjsAssets } from './pdfjsAssets.js';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  esbuild: { jsx: 'automatic' },
  plugins: [pdfjsAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
});
