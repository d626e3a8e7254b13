/**
 * The model folder layout and its atomic steps. Installed models live in `<dataDir>/models/<id>/`;
 * a pull downloads into `<dataDir>/models/.staging-<id>/` (kept between tries, so it resumes), writes
 * `manifest.json` last, and only then renames the folder into place. Replacing an install renames the
 * old folder aside, the new one in, and deletes the old one, so `<id>/` is always one whole model.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EngineError } from '../errors.js';
import type { ModelManifest } from './manifest.js';
import { processAlive } from '../process-alive.js';

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

export function checkId(id: string): string {
  if (!ID_PATTERN.test(id)) throw new EngineError('BAD_ARGUMENT', `"${id}" is not a model id (lowercase letters, digits, ".", "_", "-")`);
  return id;
}

export const modelsDirOf = (dataDir: string) => join(dataDir, 'models');
export const installDir = (modelsDir: string, id: string) => join(modelsDir, checkId(id));
export const stagingDir = (modelsDir: string, id: string) => join(modelsDir, `.staging-${checkId(id)}`);

/** Writes manifest.json through a temporary file, so a reader never sees half of it. */
export function writeManifest(dir: string, m: ModelManifest): void {
  const { default: _default, ...rest } = m;
  const tmp = join(dir, 'manifest.json.tmp');
  writeFileSync(tmp, JSON.stringify(rest, null, 2) + '\n');
  renameSync(tmp, join(dir, 'manifest.json'));
}

/** Moves a complete staging folder to `target`, replacing what is there without a half-state. */
export function swapIntoPlace(staging: string, target: string): void {
  try {
    if (!existsSync(target)) { renameSync(staging, target); return; }
    const old = join(dirname(target), `.old-${basename(target)}-${process.pid}-${Date.now()}`);
    renameSync(target, old);
    try {
      renameSync(staging, target);
    } catch (err) {
      renameSync(old, target);
      throw err;
    }
    rmSync(old, { recursive: true, force: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES') {
      throw new EngineError('MODEL_BUSY', `cannot replace ${target}: it is in use (close programs using this model, then try again)`, { cause: err });
    }
    throw err;
  }
}


/** The live process holding `<dir>/.lock`, or null. */
export function lockHolder(dir: string): number | null {
  const lock = join(dir, '.lock');
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, 'utf8'));
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : null;
}

/**
 * Holds `<dir>/.lock` (our pid) while `fn` runs; a lock whose process has died is taken over. `fn`
 * gets `release`, to drop the lock early (before the folder is renamed into place).
 */
export async function withLock<T>(dir: string, what: string, fn: (release: () => void) => Promise<T>): Promise<T> {
  const pid = lockHolder(dir);
  if (pid !== null) throw new EngineError('MODEL_BUSY', `${what} is already in progress (process ${pid})`);
  const lock = join(dir, '.lock');
  writeFileSync(lock, String(process.pid));
  const release = () => rmSync(lock, { force: true });
  try {
    return await fn(release);
  } finally {
    release();
  }
}
