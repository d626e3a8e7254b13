#!/usr/bin/env node
/**
 * Bundles preload/index.ts (and the contract it imports) into one CommonJS file,
 * dist/preload/index.cjs: a sandboxed preload can require only `electron` and a few Node
 * built-ins, never a local file. Uses the esbuild that Vite brings.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(root, 'preload', 'index.ts')],
  outfile: join(root, 'dist', 'preload', 'index.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
console.log('preload: dist/preload/index.cjs');
