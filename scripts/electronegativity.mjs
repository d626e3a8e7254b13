#!/usr/bin/env node
/**
 * `node scripts/electronegativity.mjs` (npm run lint:electron): runs Doyensec's Electronegativity
 * over the app as one application — main/, preload/, the renderer (renderer/index.html,
 * renderer/src) and the compiled dist/main, dist/preload — and exits 1 on any HIGH or MEDIUM
 * finding (and any nodeIntegration finding) that is not in EXCLUSIONS below, printing check,
 * severity, file:line and description; 2 when an input is missing or the tool fails.
 *
 * The folders are copied into one temp folder (same relative layout, so findings name repo paths)
 * because the global checks (CSP, navigation limits, permission handler) look across the whole
 * app: scanning preload/ alone would report "no navigation limits" that live in main/host.
 * Tests (*.test.*) are left out: they never ship (electron-builder.yml drops them) and may hold
 * deliberately unsafe fixtures. Build first (npm run build:node) so dist/ is current.
 * Options: --all also prints LOW/INFORMATIONAL findings; --json prints the findings as JSON;
 * --root=<dir> scans another tree of the same layout (test/electron/electronegativity.test.ts).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const root = resolve(argv.find((a) => a.startsWith('--root='))?.slice('--root='.length) ?? repo);

/** What is scanned, relative to the repo root; the ones marked required must exist. */
const INPUTS = [
  { path: 'main', required: true },
  { path: 'preload', required: true },
  { path: 'renderer/index.html', required: true },
  { path: 'renderer/src', required: true },
  { path: 'dist/main', required: true, hint: 'run "npm run build:node" first' },
  { path: 'dist/preload', required: true, hint: 'run "npm run build:node" first' },
  { path: 'package.json', required: true },
];

/**
 * Reviewed false positives, each one check in named files (source and its compiled copy; a trailing
 * /** takes a folder) with the reason. Anything else HIGH or MEDIUM fails the run. Keep this list
 * short and specific.
 */
const EXCLUSIONS = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    files: ['main/ipc/handlers.ts', 'dist/main/ipc/handlers.js'],
    reason: 'the openExternal command calls deps.openExternal only after isAllowedExternal(url) (https, PubMed/PMC/DOI hosts, no port or credentials; tested in app-url.test.ts) and throws FORBIDDEN otherwise',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    files: ['main/index.ts', 'dist/main/index.js'],
    reason: 'this is the deps.openExternal that handlers.ts calls only after its isAllowedExternal check; nothing else receives it',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    files: ['main/host/security.ts', 'dist/main/host/security.js'],
    reason: 'the window-open handler opens a link in the system browser only when isAllowedExternal(url) holds, and always denies the new window',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    files: ['renderer/src/**'],
    reason: 'the sandboxed renderer has no shell module: its openExternal is the contract command window.delve.openExternal, which the main process checks with isAllowedExternal (main/ipc/handlers.ts)',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    files: ['main/host/main-window.ts', 'dist/main/host/main-window.js'],
    reason: 'a manual-review reminder: the preload (preload/index.ts) runs sandboxed with contextIsolation and exposes only ipcRenderer.invoke wrappers for the contract\'s channels and an on() that strips the IpcRendererEvent; no Electron object reaches the page',
  },
];

/**
 * Checks left out entirely. AvailableSecurityFixesGlobalCheck downloads Electron's release list
 * (network: the result would depend on the day and the connection, and offline it hangs on
 * timeouts); for a devDependency it reports at most INFORMATIONAL anyway.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const BLOCKING = new Set(['HIGH', 'MEDIUM']);
/**
 * Checks that block at any severity. Electronegativity rates an explicit `nodeIntegration: true`
 * INFORMATIONAL (the sandbox would disable it); Delve's rule is nodeIntegration false everywhere.
 */
const ALWAYS_BLOCKING = new Set(['NODE_INTEGRATION_JS_CHECK', 'NODE_INTEGRATION_HTML_CHECK', 'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK']);
const blocks = (i) => BLOCKING.has(i.severity) || ALWAYS_BLOCKING.has(i.id);

function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'delve-electronegativity-'));
  for (const input of INPUTS) {
    const src = join(root, input.path);
    if (!existsSync(src)) {
      if (!input.required) continue;
      rmSync(dir, { recursive: true, force: true });
      console.error(`electronegativity: ${input.path} is missing${input.hint ? `: ${input.hint}` : ''}`);
      process.exit(2);
    }
    cpSync(src, join(dir, input.path), {
      recursive: true,
      filter: (p) => !/\.test\.[cm]?[jt]sx?$/.test(p) && !p.endsWith('.map') && basename(p) !== 'node_modules',
    });
  }
  return dir;
}

const inScope = (pattern, file) => (pattern.endsWith('/**') ? file.startsWith(pattern.slice(0, -2)) : file === pattern);
const excluded = (issue) => EXCLUSIONS.find((e) => e.id === issue.id && e.files.some((f) => inScope(f, issue.file)));

async function main() {
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(readFileSync(join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const dir = stage();
  let result;
  try {
    result = await run({
      input: dir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: EXCLUDED_CHECKS,
      parserPlugins: ['optionalChaining'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const fatalParse = result.errors.filter((e) => !e.tolerable);
  const issues = result.issues.map((i) => ({
    id: i.id, severity: i.severity.name, confidence: i.confidence.name,
    file: i.file.split('\\').join('/'), line: i.location.line, column: i.location.column,
    description: i.description, sample: i.sample, url: i.shortenedURL,
  }));
  const blocking = issues.filter((i) => blocks(i) && !excluded(i));
  const waived = issues.filter((i) => blocks(i) && excluded(i));
  const minor = issues.filter((i) => !blocks(i));

  const show = (i) => `  ${i.id} [${i.severity}/${i.confidence}] ${i.file}:${i.line}:${i.column}\n    ${i.description} (${i.url})${i.sample ? `\n    > ${String(i.sample).trim().slice(0, 160)}` : ''}`;
  console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version}: Electron ${electronVersion}, ${result.globalChecks} global + ${result.atomicChecks} atomic checks over ${INPUTS.map((i) => i.path).join(', ')}`);
  for (const e of fatalParse) console.log(`  could not parse ${e.file}: ${e.message}`);
  if (argv.includes('--all')) for (const i of minor) console.log(show(i));
  if (waived.length > 0) console.log(`${waived.length} reviewed false positive(s) excluded:`);
  for (const i of waived) console.log(`  ${i.id} ${i.file}:${i.line}: ${excluded(i).reason}`);
  if (argv.includes('--json')) writeFileSync(1, JSON.stringify({ blocking, waived, minor }, null, 2) + '\n');
  if (blocking.length > 0 || fatalParse.length > 0) {
    console.log(`${blocking.length} HIGH/MEDIUM finding(s)${fatalParse.length ? ` and ${fatalParse.length} unparsed file(s)` : ''}:`);
    for (const i of blocking) console.log(show(i));
    process.exit(1);
  }
  console.log(`no HIGH or MEDIUM findings (${minor.length} low/informational; --all lists them)`);
}

main().catch((err) => {
  console.error(`electronegativity: ${err?.stack ?? err}`);
  process.exit(2);
});
