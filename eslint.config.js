// Lint rules that guard the architecture. The key one: main/engine is a plain Node
// library (CLI, tests and the Electron host all call it), so it must never import electron.
import tseslint from 'typescript-eslint';

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

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'native/**', 'renderer/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  engineBoundary,
);
