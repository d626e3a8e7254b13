/**
 * Where the Electron-ABI build of better-sqlite3 lives. scripts/native-bindings.mjs (npm
 * postinstall, or `npm run rebuild:electron`) writes it to
 * native/electron-<version>-<platform>-<arch>/better_sqlite3.node under the app root; packaged,
 * native/** is unpacked from app.asar, so the path moves to app.asar.unpacked.
 * Plain Node; tested in native-binding.test.ts.
 */
import { join } from 'node:path';

export interface RuntimeInfo {
  /** app.getAppPath(): the project root in development, …/resources/app.asar when packaged. */
  appPath: string;
  electronVersion: string;
  platform: string;
  arch: string;
}

/** Keep in step with scripts/native-bindings.mjs. */
export function nativeBindingDir(r: Pick<RuntimeInfo, 'electronVersion' | 'platform' | 'arch'>): string {
  return `electron-${r.electronVersion}-${r.platform}-${r.arch}`;
}

export function nativeBindingPath(r: RuntimeInfo): string {
  const file = join(r.appPath, 'native', nativeBindingDir(r), 'better_sqlite3.node');
  // Native code cannot be loaded from inside the archive; electron-builder unpacks native/**.
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
