#!/usr/bin/env node
/**
 * npm start (after npm run build): launches the app with the project's Electron binary, first
 * checking on Linux that Chromium's sandbox can start (scripts/sandbox-check.mjs). When it cannot,
 * prints what to run and exits 1 instead of letting Electron abort; it never adds --no-sandbox.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxProblem } from './sandbox-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let electron;
try {
  electron = createRequire(join(root, 'package.json'))('electron');
} catch (err) {
  console.error(`delve: the Electron binary is not installed (${String(err.message).split('\n')[0]}); run "npm run rebuild:electron" online`);
  process.exit(1);
}

const readText = (p) => { try { return readFileSync(p, 'utf8'); } catch { return null; } };
const stat = (p) => { try { const s = statSync(p); return { uid: s.uid, mode: s.mode }; } catch { return null; } };
/** Whether a loaded AppArmor profile's file names this binary (profiles in /etc/apparmor.d). */
const hasProfileFor = (binary) => {
  try {
    return readdirSync('/etc/apparmor.d').some((f) => { const t = readText(join('/etc/apparmor.d', f)); return t !== null && t.includes(binary) && /\buserns\b/.test(t); });
  } catch { return false; }
};

const problem = sandboxProblem({ platform: process.platform, uid: process.getuid?.(), electronDir: dirname(electron), readText, stat, hasProfileFor });
if (problem) {
  console.error(`delve: ${problem.reason}\n`);
  console.error(`Electron would abort ("The SUID sandbox helper binary was found, but is not configured correctly").\nDelve does not run without its sandbox. Fix it with one of these, then run "npm start" again:\n`);
  console.error(problem.fixes.join('\n\n'));
  console.error('\nSee build/README.md ("Linux sandbox").');
  process.exit(1);
}
if (!existsSync(electron)) {
  console.error(`delve: ${electron} does not exist; run "npm run rebuild:electron" online`);
  process.exit(1);
}
const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
