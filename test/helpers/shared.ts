/** Locates ../shared (or $DELVE_SHARED): the real PDFs, notes and data the acceptance tests use. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (dist/test/helpers → ../../..). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

export function sharedDir(): string {
  const dir = process.env.DELVE_SHARED ?? resolve(REPO_ROOT, '../shared');
  if (!existsSync(join(dir, 'pdfs')) || !existsSync(join(dir, 'notes'))) {
    throw new Error(`shared test data not found at ${dir}: put the shared/ folder beside the repository or set DELVE_SHARED`);
  }
  return dir;
}

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = 'delve-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh temporary folder holding these files (paths relative to it, folders made as needed). */
export function tempTree(prefix: string, files: Record<string, string>): string {
  const dir = tempDir(prefix);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** The compiled CLI entry, for tests that run `delve` as a process. */
export const CLI = join(REPO_ROOT, 'bin', 'delve.js');
