/**
 * electron-builder's beforePack hook (electron-builder.yml): before any file is copied, checks that
 * everything the packaged app loads natively exists for the TARGET platform and arch, and removes
 * native/electron-* folders other than the target's (older Electron versions, other arches), so
 * they are not packed. It refuses to pack, naming each missing file and the command that makes it:
 *   - the build outputs (preload bundle, main process, renderer, pdf.js assets): `npm run build`;
 *   - the Electron build of better-sqlite3, native/electron-<v>-<platform>-<arch>/better_sqlite3.node,
 *     checked to be a binary of that platform and arch: `npm run rebuild:electron`;
 *   - sqlite-vec's loadable extension, node_modules/sqlite-vec-<os>-<arch>;
 *   - onnxruntime-node's binding and runtime library for the target.
 * Plain functions (checkPack, staleNativeDirs) are tested in test/packaging/before-pack.test.ts.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { binaryTarget } from './binary-target.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** electron-builder's Arch enum (builder-util) by value. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

export const BUILD_OUTPUTS = [
  'dist/main/index.js',
  'dist/main/host/engine-server.js',
  'dist/preload/index.cjs',
  'renderer/dist/index.html',
  'renderer/dist/pdfjs/wasm/openjpeg.wasm',
  'renderer/dist/pdfjs/cmaps/UniJIS-UCS2-H.bcmap',
  'renderer/dist/pdfjs/standard_fonts/LiberationSans-Regular.ttf',
];

const SQLITE_VEC_FILE = { linux: 'vec0.so', darwin: 'vec0.dylib', win32: 'vec0.dll' };
const ORT_RUNTIME = { linux: 'libonnxruntime.so.1', darwin: 'libonnxruntime.1.dylib', win32: 'onnxruntime.dll' };

export const nativeDirName = (electronVersion, platform, arch) => `electron-${electronVersion}-${platform}-${arch}`;

/**
 * What is missing to pack for platform/arch, as human lines (empty: all there).
 * @param {{ root: string, electronVersion: string, platform: string, arch: string }} t
 */
export function checkPack({ root, electronVersion, platform, arch }) {
  const problems = [];
  const missing = BUILD_OUTPUTS.filter((f) => !existsSync(join(root, f)));
  if (missing.length > 0) problems.push(`the app is not built (${missing.join(', ')} missing): run "npm run build", or use "npm run dist", which builds first`);

  const binding = join('native', nativeDirName(electronVersion, platform, arch), 'better_sqlite3.node');
  if (!existsSync(join(root, binding))) {
    const cross = arch === process.arch ? '' : ` --arch=${arch}`;
    problems.push(`the Electron ${electronVersion} build of better-sqlite3 for ${platform}-${arch} is missing (${binding}): run "node scripts/native-bindings.mjs --force${cross}" online (npm run rebuild:electron)`);
  } else {
    const found = binaryTarget(readHead(join(root, binding)));
    if (found === null || found.platform !== platform || found.arch !== arch) {
      problems.push(`${binding} is not a ${platform}-${arch} binary (it is ${found ? `${found.platform}-${found.arch}` : 'not a native library'}): run "npm run rebuild:electron" on a ${platform}-${arch} machine`);
    }
  }

  const vecPkg = `sqlite-vec-${platform === 'win32' ? 'windows' : platform}-${arch}`;
  const vecFile = join('node_modules', vecPkg, SQLITE_VEC_FILE[platform] ?? 'vec0');
  if (!existsSync(join(root, vecFile))) {
    problems.push(`sqlite-vec has no ${platform}-${arch} build here (${vecFile} missing): npm installs only the host's ${'sqlite-vec-*'} package; pack on a ${platform}-${arch} machine`);
  }

  const ortDir = join('node_modules', 'onnxruntime-node', 'bin', 'napi-v6', platform, arch);
  const ortFiles = ['onnxruntime_binding.node', ORT_RUNTIME[platform] ?? 'onnxruntime'].map((f) => join(ortDir, f));
  const ortMissing = ortFiles.filter((f) => !existsSync(join(root, f)));
  if (ortMissing.length > 0) {
    problems.push(`onnxruntime-node has no ${platform}-${arch} binaries (${ortMissing.join(', ')} missing)${platform === 'darwin' && arch === 'x64' ? '; onnxruntime-node 1.30 ships none for Intel Macs, so Delve builds arm64 only' : ''}`);
  }
  return problems;
}

/** native/electron-* folders that are not the target's (older Electron versions, other arches). */
export function staleNativeDirs({ root, electronVersion, platform, arch }) {
  const dir = join(root, 'native');
  if (!existsSync(dir)) return [];
  const keep = nativeDirName(electronVersion, platform, arch);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith('electron-') && e.name !== keep)
    .map((e) => join('native', e.name));
}

function readHead(file) {
  const buf = readFileSync(file);
  return buf.subarray(0, Math.min(buf.length, 4096));
}

/** The hook: throws (electron-builder stops) when something is missing. */
export default async function beforePack(context) {
  const platform = context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const root = context.packager?.projectDir ?? ROOT;
  const electronVersion = context.packager?.config?.electronVersion
    ?? JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const target = { root, electronVersion, platform, arch };
  for (const stale of staleNativeDirs(target)) {
    rmSync(join(root, stale), { recursive: true, force: true });
    console.log(`  • delve: removed ${stale} (not Electron ${electronVersion} ${platform}-${arch})`);
  }
  const problems = checkPack(target);
  if (problems.length > 0) {
    throw new Error(`Delve cannot be packed for ${platform}-${arch}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  console.log(`  • delve: native files for Electron ${electronVersion} ${platform}-${arch} are all there`);
}
