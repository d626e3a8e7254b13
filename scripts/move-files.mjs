#!/usr/bin/env node
/**
 * Moves files and folders as a manifest says and rewrites every reference to them across the tree.
 *
 *   node scripts/move-files.mjs scripts/moves/issue-16.json [--dry-run]
 *
 * Manifest: a JSON list of { "from": path, "to": path } (repository-relative). A folder moves with
 * everything under it, including files other branches added there; a file moves with its tests
 * (x.test.ts → y.test.ts). A file entry wins over the folder entry holding it. `to` ending in "/"
 * means "into that folder, same name".
 *
 * References rewritten (text read before the move, positions kept):
 * - in TypeScript/JavaScript sources (parsed with the TypeScript compiler), every string literal:
 *   `./x.js` / `../y` specifiers (imports, `new URL('./w.js', import.meta.url)`, fork/worker paths)
 *   resolved from the file, with the `.js` → `.ts`/`.tsx` alias of NodeNext; repository-relative
 *   and `dist/`-relative paths inside strings (`'dist/main/engine/x/w.js'`); inside a moved file
 *   every relative specifier is recomputed from its new place;
 * - in comments, JSON (tsconfig, package.json scripts), YAML (electron-builder.yml), Markdown and
 *   HTML: path-like words naming a moved file or folder, read from the file's folder or, failing
 *   that, from each folder above it (so `search/bm25-index.ts` in an engine comment is found).
 *
 * Idempotent: a move already made is recognised (old path gone, new present) and its references
 * are still rewritten, so a tree that gained files importing the old paths is fixed by running
 * again; a second run changes nothing. Exit 1, naming the file, when a path exists at both places.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { planMoves } from './move-files/plan.mjs';
import { rewriteText } from './move-files/rewrite.mjs';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const manifestPath = args.find((a) => !a.startsWith('--'));
if (!manifestPath) {
  console.error('usage: node scripts/move-files.mjs <manifest.json> [--dry-run]');
  process.exit(2);
}

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' });

/** Tracked and untracked-but-not-ignored files that exist on disk. */
const tracked = new Set(git('ls-files', '-z', '--cached').split('\0').filter(Boolean));
const files = [...new Set(git('ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean))]
  .filter((f) => existsSync(join(root, f)) && statSync(join(root, f)).isFile());

const manifestFile = resolve(manifestPath);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const manifestRel = relative(root, manifestFile).split('\\').join('/');
const plan = planMoves(manifest, files);
if (plan.errors.length > 0) {
  for (const e of plan.errors) console.error(`move-files: ${e}`);
  process.exit(1);
}

const TEXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|json|ya?ml|md|html)$/;
const SKIP = /^(node_modules|dist|release|native|renderer\/dist|test\/fixtures|scripts\/moves|scripts\/move-files)(\/|\.mjs$)|(^|\/)package-lock\.json$/;
const edits = new Map(); // current path → new text
for (const file of files) {
  if (!TEXT.test(file) || SKIP.test(file) || file === manifestRel) continue; // the manifest names old paths on purpose
  const text = readFileSync(join(root, file), 'utf8');
  if (text.length > 2_000_000) continue;
  const out = rewriteText(file, text, plan);
  if (out !== text) edits.set(file, out);
}

const pending = plan.pairs.filter((p) => p.pending);
for (const p of pending) console.log(`${dryRun ? 'would move' : 'move'} ${p.from} → ${p.to}`);
for (const f of edits.keys()) console.log(`${dryRun ? 'would rewrite' : 'rewrite'} ${plan.newPath(f)}`);
console.log(`${pending.length} move(s), ${edits.size} file(s) rewritten${dryRun ? ' (dry run: nothing changed)' : ''}`);
if (dryRun) process.exit(0);

for (const p of pending) {
  mkdirSync(dirname(join(root, p.to)), { recursive: true });
  if (tracked.has(p.from)) git('mv', p.from, p.to);
  else renameSync(join(root, p.from), join(root, p.to));
}
for (const [file, text] of edits) writeFileSync(join(root, plan.newPath(file)), text);
// Folders a move emptied.
for (const dir of new Set(pending.map((p) => posix.dirname(p.from)))) removeEmpty(join(root, dir));

function removeEmpty(dir) {
  while (dir.startsWith(root + '/') && existsSync(dir) && readdirSync(dir).length === 0) {
    rmdirSync(dir);
    dir = dirname(dir);
  }
}
