// Runs every compiled test file (*.test.js under dist/) with Node's test runner.
// Set DELVE_TEST_FILTER (or pass an argument) to a substring of a path to run a subset.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('../dist/', import.meta.url).pathname;
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js')) files.push(p);
  }
})(root);
const filter = process.argv[2] ?? process.env.DELVE_TEST_FILTER;
const chosen = files.filter((f) => !filter || f.includes(filter)).sort();
if (chosen.length === 0) {
  console.error('no test files found under dist/: run "npm run build:node" first');
  process.exit(1);
}
// OCR is CPU-heavy: off unless a test turns it on (the OCR tests pass ocr.enabled: true).
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...chosen], { stdio: 'inherit', env: { DELVE_OCR: '0', ...process.env } });
process.exit(r.status ?? 1);
