/**
 * Imports a local model folder into `<dataDir>/models/<id>/`: every file is copied (a copy-on-write
 * clone where the file system has them), hashed, and listed with its sha256 in a new manifest.json.
 * The settings (pooling, templates, limits) come from the folder's own manifest.json, else from the
 * catalog entry for the id (`base`; when it pins hashes, the files must match them), else are
 * inferred from config.json and 1_Pooling/config.json (see folder.ts).
 */
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EngineError } from '../errors.js';
import { loadModelFolder } from './folder.js';
import { sha256File } from './hash.js';
import { parseManifest, type ModelFile, type ModelManifest } from './manifest.js';
import { checkId, installDir, swapIntoPlace, writeManifest } from './staging.js';

export interface ImportOptions {
  modelsDir: string;
  /** The id to install under; default the folder manifest's id, or one made from the folder name. */
  id?: string;
  /** The catalog manifest for the id, when there is one. */
  base?: (id: string) => ModelManifest | undefined;
  signal?: AbortSignal;
}

export interface ImportResult { id: string; dir: string; files: number; bytes: number }

/** Regular files under `dir` ('/'-separated, sorted), without manifest.json, hidden entries and partial downloads. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.name.startsWith('.') || e.name.endsWith('.part') || e.name.endsWith('.part.json') || rel === 'manifest.json') continue;
    const full = join(dir, rel);
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else if (e.isFile() || (e.isSymbolicLink() && statSync(full).isFile())) out.push(rel);
  }
  return out.sort();
}

function ownManifest(src: string): ModelManifest | null {
  const path = join(src, 'manifest.json');
  if (!existsSync(path)) return null;
  try {
    return parseManifest(JSON.parse(readFileSync(path, 'utf8')), path);
  } catch (err) {
    throw new EngineError('MODEL_INVALID', (err as Error).message);
  }
}

/** The settings to install with, and the id. */
async function settingsFor(src: string, o: ImportOptions): Promise<{ m: ModelManifest; id: string; pins: Map<string, string> }> {
  const own = ownManifest(src);
  const wanted = o.id ?? own?.id;
  const base = wanted ? o.base?.(wanted) : undefined;
  const pins = new Map<string, string>();
  let m: ModelManifest;
  if (own) m = own;
  else if (base) {
    m = base;
    for (const f of base.files) if (f.sha256) pins.set(f.path, f.sha256);
    if (!existsSync(join(src, base.onnx))) {
      const onnx = ['model.onnx', 'onnx/model.onnx'].find((p) => existsSync(join(src, p)));
      if (!onnx) throw new EngineError('MODEL_INVALID', `${src} has no ${base.onnx} (nor model.onnx or onnx/model.onnx)`);
      m = { ...base, onnx };
    }
  } else m = (await loadModelFolder(src)).manifest;
  return { m, id: checkId(wanted ?? m.id), pins };
}

export async function importFolder(folder: string, o: ImportOptions): Promise<ImportResult> {
  const src = resolve(folder);
  if (!existsSync(src) || !statSync(src).isDirectory()) throw new EngineError('FILE_NOT_FOUND', `${src} is not a folder`);
  const { m, id, pins } = await settingsFor(src, o);
  const target = installDir(o.modelsDir, id);
  if (src === target || src.startsWith(target + sep)) throw new EngineError('BAD_ARGUMENT', `${src} is already the installed model ${id}`);
  for (const need of [m.onnx, 'tokenizer.json']) {
    if (!existsSync(join(src, need))) throw new EngineError('MODEL_INVALID', `${src} has no ${need}`);
  }
  const staging = join(o.modelsDir, `.import-${id}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const files: ModelFile[] = [];
    for (const rel of listFiles(src)) {
      if (o.signal?.aborted) throw new EngineError('CANCELLED', `import of ${id} cancelled`);
      const dest = join(staging, ...rel.split('/'));
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(join(src, rel), dest, constants.COPYFILE_FICLONE);
      const sha256 = await sha256File(dest);
      const pinned = pins.get(rel);
      if (pinned && pinned !== sha256) {
        throw new EngineError('CHECKSUM_MISMATCH', `${join(src, rel)}: expected sha256 ${pinned} (the catalog's ${id}), got ${sha256}; nothing was imported`);
      }
      files.push({ path: rel, url: pathToFileURL(join(src, rel)).href, sha256, bytes: statSync(dest).size });
    }
    const source = m.source.revision === 'local' ? { repo: src, revision: 'local' } : m.source;
    const manifest = parseManifest({ ...m, id, files, pinned: true, source, default: undefined }, `import of ${src}`);
    writeManifest(staging, manifest);
    await loadModelFolder(staging);
    swapIntoPlace(staging, target);
    return { id, dir: target, files: files.length, bytes: files.reduce((n, f) => n + f.bytes!, 0) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
