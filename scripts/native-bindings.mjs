#!/usr/bin/env node
/**
 * npm postinstall (and `--force` by hand): makes an Electron-ABI copy of the better-sqlite3 binding
 * at native/electron-<version>-<platform>-<arch>/better_sqlite3.node, leaving the package's own
 * Node build (used by the CLI and the tests) untouched. The Electron host hands that path to
 * createEngine({ nativeBinding }) (see main/host/native-binding.ts, which builds the same name).
 *
 * A copy of node_modules/better-sqlite3 is built in a temp dir: first a prebuilt download
 * (prebuild-install --runtime electron), else a compile against Electron's headers (node-gyp).
 * Network steps are probed first and bounded by timeouts. Without --force this never fails the
 * install: it prints one line and exits 0. With --force (npm run rebuild:electron) it also fetches
 * the Electron binary when missing, ignores ELECTRON_SKIP_BINARY_DOWNLOAD, and exits 1 on failure.
 * native/status.json records what is there (binding, Electron binary) for humans and tools.
 *
 * Options: --force, --arch=<arch> (e.g. arm64 for a mac cross-build; prebuilt download only).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const force = argv.includes('--force');
const arch = argv.find((a) => a.startsWith('--arch='))?.slice('--arch='.length) || process.arch;
const platform = process.platform;
const nm = join(root, 'node_modules');
const nativeDir = join(root, 'native');
const logFile = join(nativeDir, 'build.log');
const LATER = 'the CLI and tests use the Node build; run "npm run rebuild:electron" when online to use the app';

const say = (line) => console.log(`delve: ${line}`);
const readJson = (file) => { try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return null; } };

/** Ends the script: one line, exit 0 (postinstall) or 1 (--force, so a manual rebuild shows it failed). */
function skip(reason, hint = LATER) {
  say(`skipped the Electron build of better-sqlite3 (${reason}); ${hint}`);
  process.exit(force ? 1 : 0);
}

function electronBinaryPresent() {
  const rel = existsSync(join(nm, 'electron', 'path.txt')) ? readFileSync(join(nm, 'electron', 'path.txt'), 'utf8').trim() : '';
  return rel !== '' && existsSync(join(nm, 'electron', 'dist', rel));
}

function writeStatus(status) {
  mkdirSync(nativeDir, { recursive: true });
  writeFileSync(join(nativeDir, 'status.json'), JSON.stringify({ ...status, at: new Date().toISOString() }, null, 2) + '\n');
}

/** Runs a command with output to native/build.log; resolves true on exit 0, false on error or timeout. */
function run(cmd, args, { cwd, env = process.env, timeoutMs }) {
  return new Promise((resolve) => {
    const fd = openSync(logFile, 'a');
    writeFileSync(fd, `\n$ ${[cmd, ...args].join(' ')}  (in ${cwd}, timeout ${timeoutMs / 1000}s)\n`);
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd], detached: platform !== 'win32', windowsHide: true });
    const timer = setTimeout(() => {
      writeFileSync(fd, `timed out after ${timeoutMs / 1000}s\n`);
      try { if (platform === 'win32') child.kill(); else process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMs);
    const done = (ok) => { clearTimeout(timer); closeSync(fd); resolve(ok); };
    child.on('error', (err) => { writeFileSync(fd, `${err.message}\n`); done(false); });
    child.on('exit', (code) => done(code === 0));
  });
}

/** True when the host answers at all (any HTTP status), within a few seconds. */
async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

/** Env for child builds: npm's nodedir (e.g. /usr) would make node-gyp use Node's headers. */
function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(npm_config_nodedir|nodedir)$/i.test(key)) delete env[key];
  return env;
}

async function main() {
  const electronVersion = readJson(join(nm, 'electron', 'package.json'))?.version;
  if (!electronVersion) skip('the electron package is not installed', 'the CLI and tests use the Node build');
  const dirName = `electron-${electronVersion}-${platform}-${arch}`;
  const target = join(nativeDir, dirName, 'better_sqlite3.node');
  const status = { electronVersion, platform, arch, binding: null, electronBinary: electronBinaryPresent(), note: null };
  const record = (note) => writeStatus({ ...status, binding: existsSync(target) ? relative(root, target) : null, note });

  if (existsSync(target) && !force) { record(null); return; }
  const binaryNote = () => (status.electronBinary ? '' : '; the Electron binary is missing too');
  const skipEnv = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.npm_config_electron_skip_binary_download;
  if (skipEnv && !force) {
    record('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    skip(`ELECTRON_SKIP_BINARY_DOWNLOAD is set${binaryNote()}`);
  }

  mkdirSync(nativeDir, { recursive: true });
  writeFileSync(logFile, `delve native-bindings ${new Date().toISOString()} electron ${electronVersion} ${platform}-${arch}\n`);
  const env = buildEnv();
  if (force && !status.electronBinary) {
    const electronEnv = { ...env };
    delete electronEnv.ELECTRON_SKIP_BINARY_DOWNLOAD;
    delete electronEnv.npm_config_electron_skip_binary_download;
    await run(process.execPath, [join(nm, 'electron', 'install.js')], { cwd: join(nm, 'electron'), env: electronEnv, timeoutMs: 300_000 });
    status.electronBinary = electronBinaryPresent();
  }

  // Behind a proxy our bare fetch cannot tell; let the tools (which honour proxies) try.
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'npm_config_https_proxy', 'npm_config_proxy'].some((k) => process.env[k]);
  const [github, headers] = proxied ? [true, true] : await Promise.all([
    reachable('https://github.com/WiseLibs/better-sqlite3/releases'),
    reachable(`https://electronjs.org/headers/v${electronVersion}/node-v${electronVersion}-headers.tar.gz`),
  ]);
  if (!github && !headers) { record('offline'); skip(`Electron headers unreachable${binaryNote()}`); }

  const how = await build(electronVersion, env, { github, headers }, target);
  record(how ? null : 'build failed');
  if (!how) skip(`prebuilt download and node-gyp build both failed, see native/build.log${binaryNote()}`);
  say(`built better-sqlite3 for Electron ${electronVersion} (${how}) at ${relative(root, target)}${binaryNote()}`);
}

/** Builds in a temp copy of the package; returns how it got the binding, or null. */
async function build(electronVersion, env, { github, headers }, target) {
  const work = mkdtempSync(join(tmpdir(), 'delve-bsqlite-'));
  try {
    const src = join(nm, 'better-sqlite3');
    cpSync(src, work, { recursive: true, filter: (p) => relative(src, p).split(/[\\/]/)[0] !== 'build' });
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    const tool = (file, args, timeoutMs) => run(process.execPath, [join(nm, ...file), ...args, `--arch=${arch}`], { cwd: work, env, timeoutMs });
    let how = null;
    if (github && await tool(['prebuild-install', 'bin.js'], ['--runtime=electron', `--target=${electronVersion}`, `--platform=${platform}`], 90_000) && existsSync(built)) {
      how = 'prebuilt';
    } else if (headers && arch === process.arch && await tool(['node-gyp', 'bin', 'node-gyp.js'], ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], 900_000) && existsSync(built)) {
      how = 'compiled';
    }
    if (!how) return null;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, target);
    return how;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => skip(`unexpected error: ${err?.message ?? err}`));
