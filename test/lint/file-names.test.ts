/**
 * One file-name casing outside the renderer: kebab-case (lower-case words joined by '-', dots before
 * suffixes such as .test.ts), documents in upper case (README.md, DESIGN.md). The renderer follows
 * React's conventions instead (renderer/README.md, "File names").
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/shared.js';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
const DOC = /^[A-Z][A-Z0-9-]*\.md$/;

const badName = (name: string) => !KEBAB.test(name) && !DOC.test(name);

test('the rule: kebab-case and upper-case documents pass, camelCase, PascalCase and snake_case do not', () => {
  assert.deepEqual(['engine-process.ts', 'bm25-engine.test.ts', '0001-documents.ts', 'README.md', 'index.d.ts'].filter(badName), []);
  assert.deepEqual(['engineProcess.ts', 'ElectronApp.ts', 'parse_worker.ts', 'Readme.md'].filter(badName), ['engineProcess.ts', 'ElectronApp.ts', 'parse_worker.ts', 'Readme.md']);
});

test('every tracked file under main/, preload/, test/ and scripts/ is named in kebab-case', () => {
  const files = execFileSync('git', ['ls-files', 'main', 'preload', 'test', 'scripts'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  assert.ok(files.length > 100, 'git lists the tree');
  const bad = files.filter((f) => f.split('/').some(badName));
  assert.deepEqual(bad, []);
});
