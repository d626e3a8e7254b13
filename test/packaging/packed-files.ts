/**
 * The files `npm run dist` would pack for this platform and arch, computed offline with
 * electron-builder's own file matchers (app-builder-lib's getMainFileMatchers for the app's files,
 * getNodeModuleFileMatcher for node_modules, its macro expander for ${platform}/${arch}) over what
 * is on disk: the app's files under the project, and node_modules of the production dependency tree
 * (package.json dependencies and optionalDependencies, resolved like Node does). Also: which packed
 * files asarUnpack takes out of app.asar. Checked once against a real `electron-builder --linux dir`
 * run (with a stand-in Electron dist): the app's own files were identical; in node_modules
 * electron-builder also drops type folders and readmes and places a few nested packages elsewhere
 * (its collector dedupes), so that part is close, not exact. The assertions do not depend on it.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/shared.js';

interface Matcher { patterns: string[]; createFilter(): (file: string, stat: Stats) => boolean }
interface FileMatcherModule {
  getMainFileMatchers(appDir: string, dest: string, expand: (p: string) => string, platformOptions: object, packager: object, outDir: string, isElectronCompile: boolean): Matcher[];
  getNodeModuleFileMatcher(appDir: string, dest: string, expand: (p: string) => string, platformOptions: object, packager: object): Matcher;
  getFileMatchers(config: object, name: string, dest: string, options: object): Matcher[] | null;
}

const builderRequire = createRequire(createRequire(join(REPO_ROOT, 'package.json')).resolve('electron-builder/package.json'));
const libRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'));
const fileMatcher = libRequire('./out/fileMatcher.js') as FileMatcherModule;
const { expandMacro } = libRequire('./out/util/macroExpander.js') as { expandMacro(p: string, arch: string | null, appInfo: object, extra: object): string };

export const posix = (p: string): string => p.split(sep).join('/');
export const builderConfig = parse(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & { asarUnpack: string[] };

const OS_KEY: Record<string, string> = { darwin: 'mac', linux: 'linux', win32: 'win' };

function walk(dir: string, out: string[], skip: (p: string) => boolean): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (skip(p)) continue;
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out, skip);
    else out.push(p);
  }
  return out;
}

/** Package directories of the production dependency tree. */
export function productionPackages(root = REPO_ROOT): string[] {
  const seen = new Set<string>();
  const visit = (fromDir: string, name: string, optional: boolean) => {
    let dir = fromDir;
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) { dir = candidate; break; }
      const up = dirname(dir);
      if (up === dir || !up.startsWith(root)) {
        if (optional) return;
        throw new Error(`dependency ${name} of ${fromDir} is not installed`);
      }
      dir = up;
    }
    if (seen.has(dir)) return;
    seen.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const d of Object.keys(pkg.dependencies ?? {})) visit(dir, d, false);
    for (const d of Object.keys(pkg.optionalDependencies ?? {})) visit(dir, d, true);
  };
  const app = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
  for (const d of Object.keys(app.dependencies)) visit(root, d, false);
  for (const d of Object.keys(app.optionalDependencies ?? {})) visit(root, d, true);
  return [...seen];
}

export interface PackList {
  /** Project-relative posix paths of everything packed (app files, then node_modules). */
  files: string[];
  /** The subset asarUnpack takes out of app.asar. */
  unpacked: Set<string>;
  /** The patterns after macro expansion, for messages. */
  patterns: { app: string[]; nodeModules: string[]; asarUnpack: string[] };
}

/** What electron-builder would pack from `root` for `platform`/`arch` (platform must be this host's: ${platform} is the host's). */
export function packList(arch: string = process.arch, root = REPO_ROOT): PackList {
  const appInfo = { productName: 'Delve', sanitizedProductName: 'Delve', productFilename: 'Delve', version: '0.0.0', channel: null, companyName: 'Delve maintainers' };
  const expand = (p: string) => expandMacro(p, arch, appInfo, { os: OS_KEY[process.platform], '/*': '{,/**/*}' });
  const config = { ...builderConfig, directories: { output: 'release', buildResources: 'build' } };
  const packager = { info: { projectDir: root, buildResourcesDir: join(root, 'build'), config, isPrepackedAppAsar: false, debugLogger: { isEnabled: false } }, config, debugLogger: { isEnabled: false } };
  const platformOptions = (config as Record<string, unknown>)[OS_KEY[process.platform]!] ?? {};
  const [main] = fileMatcher.getMainFileMatchers(root, '/app', expand, platformOptions, packager, join(root, 'release'), false);
  const nm = fileMatcher.getNodeModuleFileMatcher(root, '/app', expand, platformOptions, packager);
  const mainFilter = main!.createFilter();
  const nmFilter = nm.createFilter();

  const skipTop = new Set(['node_modules', '.git', 'release'].map((d) => join(root, d)));
  const appFiles = walk(root, [], (p) => skipTop.has(p)).filter((f) => mainFilter(f, statSync(f)));
  const moduleFiles = productionPackages(root).flatMap((dir) =>
    walk(dir, [], (p) => p.endsWith(`${sep}node_modules`)).filter((f) => nmFilter(f, statSync(f))));

  const unpackMatchers = fileMatcher.getFileMatchers(config, 'asarUnpack', '/app', { macroExpander: expand, customBuildOptions: platformOptions, globalOutDir: join(root, 'release'), defaultSrc: root });
  const unpackFilter = unpackMatchers![0]!.createFilter();
  const files = [...appFiles, ...moduleFiles];
  const unpacked = new Set(files.filter((f) => unpackFilter(f, statSync(f))).map((f) => posix(relative(root, f))));
  return {
    files: files.map((f) => posix(relative(root, f))),
    unpacked,
    patterns: { app: main!.patterns, nodeModules: nm.patterns, asarUnpack: unpackMatchers![0]!.patterns },
  };
}
