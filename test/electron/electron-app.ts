/**
 * What launching the real desktop app needs: the Electron binary (the `electron` package resolves
 * to its path only once the binary is downloaded; ELECTRON_SKIP_BINARY_DOWNLOAD installs leave it
 * out), the compiled main process and preload, the built renderer, and on Linux a display.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/shared.js';

/** The Electron executable, or null with the reason. */
export function electronBinary(): { path: string } | { reason: string } {
  let path: unknown;
  try {
    path = createRequire(join(REPO_ROOT, 'package.json'))('electron');
  } catch (err) {
    return { reason: `the Electron binary is not installed (${(err as Error).message.split('\n')[0]}); run "npm run rebuild:electron" online` };
  }
  if (typeof path !== 'string' || !existsSync(path)) return { reason: `the electron package names ${String(path)}, which does not exist` };
  return { path };
}

const BUILT = ['dist/main/index.js', 'dist/main/host/engine-server.js', 'dist/preload/index.cjs', 'renderer/dist/index.html'];

/** Why the app cannot be launched here, or null. */
export function whyNotLaunchable(): string | null {
  const bin = electronBinary();
  if ('reason' in bin) return bin.reason;
  const missing = BUILT.filter((f) => !existsSync(join(REPO_ROOT, f)));
  if (missing.length > 0) return `the app is not built (${missing.join(', ')} missing): run "npm run build"`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display (DISPLAY/WAYLAND_DISPLAY unset): run the tests under xvfb-run';
  }
  return null;
}

/** Chromium refuses to run as root with its sandbox on (containers, CI). */
export const sandboxArgs = (): string[] => (process.getuid?.() === 0 ? ['--no-sandbox'] : []);
