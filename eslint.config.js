// Lint rules that guard the architecture: main/engine is a plain Node library (CLI, tests and
// the Electron host all call it), so it never imports electron; the import graph has no cycles;
// the layers import each other only through their public entry points (importGraph below).
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

export const engineBoundary = {
  files: ['main/engine/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [
        { name: 'electron', message: 'main/engine must run under plain Node: receive paths and endpoints through EngineConfig instead.' },
        { name: 'react', message: 'main/engine is not UI code.' },
      ],
      patterns: [{ group: ['electron/*', '@electron/*'], message: 'main/engine must not depend on Electron.' }],
    }],
  },
};

/** TypeScript sources import each other as `./x.js`; resolve that to x.ts / x.tsx. */
const tsResolver = createNodeResolver({
  extensions: ['.ts', '.tsx', '.js', '.mjs', '.json', '.node'],
  extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
});

/** Layers: who may import whom (paths resolved, type-only imports included). */
const layerZones = [
  {
    target: './main/host',
    from: './main/engine',
    except: ['./index.ts', './api.ts', './errors.ts', './config.ts', './app'],
    message: 'the host uses the engine through its public entry points only: main/engine/index.ts (the facade), api.ts, errors.ts, config.ts and main/engine/app/ (the app-level facades).',
  },
  { target: './main/engine', from: './main/host', message: 'main/engine is a library: it never depends on the Electron host.' },
  { target: './main/engine', from: './main/ipc', message: 'main/engine is a library: it never depends on the IPC layer.' },
  { target: './renderer', from: './preload', except: ['./contract.ts'], message: 'the renderer imports only the contract from preload/.' },
  { target: './renderer', from: './main', message: 'the renderer reaches the app through window.delve (preload/contract.ts) only.' },
];
/** Product code never imports test support (fixtures, test servers, benchmarks live under test/). */
const productZones = [{ target: './main', from: './test', message: 'product code under main/ never imports from test/ (only *.test.ts files may).' }];

/** The import graph: no cycles (run-time imports), and the layers above. */
export const importGraph = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [tsResolver],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...productZones] }] },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'native/**', 'renderer/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  engineBoundary,
  ...importGraph,
);
