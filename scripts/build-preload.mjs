#!/usr/bin/env node
/**
 * Bundles preload/index.ts (and the contract it imports) into one CommonJS file,
 * dist/preload/index.cjs: a sandboxed preload can require only `electron` and a few Node
 * built-ins, never a local file. Uses the esbuild that Vite brings. The preload needs only the
 * command registry's names (main/ipc/registry.ts), never its argument schemas (the main process
 * validates), so `zod` is replaced in this bundle by an inert stand-in (any property or call on it
 * gives itself back): 40 kB instead of 800 kB. test/electron/preload-bundle.test.ts loads the result.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `zod` as a chainable no-op: building the registry's schemas in the preload costs nothing. */
const inertZod = {
  name: 'inert-zod',
  setup(b) {
    b.onResolve({ filter: /^zod(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'inert-zod' }));
    b.onLoad({ filter: /.*/, namespace: 'inert-zod' }, () => ({
      contents: 'const z = new Proxy(function () {}, { get: () => z, apply: () => z }); export { z }; export default z;',
      loader: 'js',
    }));
  },
};

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
  plugins: [inertZod],
});
console.log('preload: dist/preload/index.cjs');
