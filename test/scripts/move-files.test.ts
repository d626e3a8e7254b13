/**
 * scripts/move-files.mjs on a scratch git repository: moves, the references it rewrites (imports,
 * worker URLs, dist/ paths, configs, comments), a second run that changes nothing, a tree that gained
 * a file importing the old paths after the moves, and a path at both places.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, tempTree } from '../helpers/shared.js';

const TOOL = join(REPO_ROOT, 'scripts', 'move-files.mjs');

function repo(files: Record<string, string>): string {
  const dir = tempTree('delve-move-files-', files);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'start');
  return dir;
}

const run = (dir: string, ...args: string[]) => spawnSync(process.execPath, [TOOL, 'moves.json', ...args], { cwd: dir, encoding: 'utf8' });
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

const MANIFEST = JSON.stringify([
  { from: 'lib/find/rank.ts', to: 'lib/find/scoring/' },
  { from: 'lib/jobs/', to: 'lib/work/' },
  { from: 'lib/jobs/embed.ts', to: 'lib/vectors/job.ts' },
]);

const START = {
  'moves.json': MANIFEST,
  'lib/find/rank.ts': "import { top } from './top.js';\n// See lib/jobs/run.ts.\nexport const rank = top;\n",
  'lib/find/rank.test.ts': "import { rank } from './rank.js';\nexport const t = rank;\n",
  'lib/find/top.ts': 'export const top = 1;\n',
  'lib/jobs/run.ts': "import { rank } from '../find/rank.js';\nconst W = new URL('./worker.js', import.meta.url);\nexport { rank, W };\n",
  'lib/jobs/worker.ts': 'export {};\n',
  'lib/jobs/embed.ts': "import { top } from '../find/top.js';\nexport const embed = top;\n",
  'lib/index.ts': "export * from './jobs/run.js';\nexport * from './jobs/embed.js';\n// rank: find/rank.ts\n",
  'check.test.ts': "const workers = ['dist/lib/jobs/worker.js'];\nexport { workers };\n",
  'package.json': JSON.stringify({ scripts: { bench: 'node dist/lib/find/rank.js' } }),
  'docs.md': 'Ranking lives in `lib/find/rank.ts`; jobs in `lib/jobs/`.\n',
};

test('a dry run lists the moves and changes nothing', () => {
  const dir = repo(START);
  const r = run(dir, '--dry-run');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /would move lib\/find\/rank\.ts → lib\/find\/scoring\/rank\.ts/);
  assert.match(r.stdout, /would move lib\/find\/rank\.test\.ts → lib\/find\/scoring\/rank\.test\.ts/);
  assert.ok(existsSync(join(dir, 'lib/find/rank.ts')));
  assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }), '');
});

test('files and folders move with their tests, and every kind of reference follows them; a second run changes nothing', () => {
  const dir = repo(START);
  assert.equal(run(dir).status, 0);
  assert.equal(read(dir, 'lib/find/scoring/rank.ts'), "import { top } from '../top.js';\n// See lib/work/run.ts.\nexport const rank = top;\n");
  assert.equal(read(dir, 'lib/find/scoring/rank.test.ts'), "import { rank } from './rank.js';\nexport const t = rank;\n");
  assert.equal(read(dir, 'lib/work/run.ts'), "import { rank } from '../find/scoring/rank.js';\nconst W = new URL('./worker.js', import.meta.url);\nexport { rank, W };\n");
  assert.equal(read(dir, 'lib/vectors/job.ts'), "import { top } from '../find/top.js';\nexport const embed = top;\n", 'a file entry wins over its folder');
  assert.equal(read(dir, 'lib/index.ts'), "export * from './work/run.js';\nexport * from './vectors/job.js';\n// rank: find/scoring/rank.ts\n");
  assert.equal(read(dir, 'check.test.ts'), "const workers = ['dist/lib/work/worker.js'];\nexport { workers };\n");
  assert.deepEqual(JSON.parse(read(dir, 'package.json')), { scripts: { bench: 'node dist/lib/find/scoring/rank.js' } });
  assert.equal(read(dir, 'docs.md'), 'Ranking lives in `lib/find/scoring/rank.ts`; jobs in `lib/work/`.\n');
  assert.ok(!existsSync(join(dir, 'lib/jobs')), 'the emptied folder is gone');
  const status = execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' });
  assert.match(status, /^R. lib\/jobs\/run\.ts -> lib\/work\/run\.ts$/m, 'moved with git mv');

  execFileSync('git', ['add', '-A'], { cwd: dir });
  const again = run(dir);
  assert.equal(again.status, 0);
  assert.match(again.stdout, /0 move\(s\), 0 file\(s\) rewritten/);
});

test('run again after a merge: a new file importing the old paths is fixed, one left in an old folder moves', () => {
  const dir = repo(START);
  run(dir);
  writeFileSync(join(dir, 'lib/late.ts'), "import { rank } from './find/rank.js';\nimport { embed } from './jobs/embed.js';\nexport { rank, embed };\n");
  mkdirSync(join(dir, 'lib/jobs'));
  writeFileSync(join(dir, 'lib/jobs/extra.ts'), "import { W } from './run.js';\nexport { W };\n");
  const r = run(dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(read(dir, 'lib/late.ts'), "import { rank } from './find/scoring/rank.js';\nimport { embed } from './vectors/job.js';\nexport { rank, embed };\n");
  assert.equal(read(dir, 'lib/work/extra.ts'), "import { W } from './run.js';\nexport { W };\n");
  assert.match(run(dir).stdout, /0 move\(s\), 0 file\(s\) rewritten/);
});

test('a path at both its old and its new place stops the run, naming it, before anything changes', () => {
  const dir = repo(START);
  mkdirSync(join(dir, 'lib/find/scoring'));
  writeFileSync(join(dir, 'lib/find/scoring/rank.ts'), 'export {};\n');
  const r = run(dir);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /lib\/find\/rank\.ts exists at both its old and its new place \(lib\/find\/scoring\/rank\.ts\)/);
  assert.ok(existsSync(join(dir, 'lib/jobs/run.ts')), 'nothing moved');
});
