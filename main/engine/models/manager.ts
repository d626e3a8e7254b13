/**
 * The model manager: list the catalog with what is installed, pull (download + verify + install),
 * import a local folder, remove. Installed models are `<dataDir>/models/<id>/`, each with its
 * manifest.json; this is the folder `EmbeddingConfig.modelDir` and `--model <id>` point at.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError } from '../errors.js';
import { defaultCatalogDir, loadCatalog } from './catalog.js';
import type { DownloadOptions } from './download.js';
import { importFolder, type ImportResult } from './import.js';
import { installFromHub, type InstallResult, type PullProgress } from './install.js';
import { parseManifest, type ModelManifest } from './manifest.js';
import type { Env } from '../net/proxy.js';
import { checkId, installDir, lockHolder, modelsDirOf, stagingDir } from './staging.js';

export const DEFAULT_HUB_BASE = 'https://huggingface.co';

export interface ModelManagerOptions extends Omit<DownloadOptions, 'onProgress' | 'signal' | 'env'> {
  dataDir: string;
  /** The catalog folder; default $DELVE_MODEL_CATALOG, else the repository's models/. */
  catalogDir?: string;
  /** Hub base URL for `{base}` (mirrors); default $DELVE_HF_BASE, else $HF_ENDPOINT, else huggingface.co. */
  hubBase?: string;
  /** Environment for the hub base and the proxy variables; default process.env. */
  env?: Env;
  /** Least time between two progress callbacks (default 100 ms). */
  progressIntervalMs?: number;
}

export interface ModelListing {
  id: string;
  name: string;
  license: string;
  dims: number;
  pooling: ModelManifest['pooling'];
  default: boolean;
  inCatalog: boolean;
  /** False: `pull` refuses it (hashes unknown, or no ONNX export); import a folder instead. */
  pullable: boolean;
  installed: boolean;
  /** Download size from the catalog manifest; null when not pinned. */
  downloadBytes: number | null;
  /** Size of the installed folder; null when not installed. */
  installedBytes: number | null;
  /** A partial download is waiting in the staging folder (pull resumes it). */
  partial: boolean;
  dir: string;
  conversion?: string;
}

export interface PullResult extends InstallResult { alreadyInstalled: boolean }

export function hubBaseOf(o: ModelManagerOptions): string {
  const env = o.env ?? process.env;
  return o.hubBase || env.DELVE_HF_BASE || env.HF_ENDPOINT || DEFAULT_HUB_BASE;
}

const catalogOf = (o: ModelManagerOptions) => loadCatalog(o.catalogDir ?? defaultCatalogDir(o.env ?? process.env));

function folderBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? folderBytes(p) : e.isFile() ? statSync(p).size : 0;
  }
  return n;
}

function installedManifest(dir: string): ModelManifest | null {
  try {
    return parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  } catch {
    return null;
  }
}

export function listModels(o: ModelManagerOptions): ModelListing[] {
  const models = modelsDirOf(o.dataDir);
  const catalog = catalogOf(o);
  const row = (m: ModelManifest, inCatalog: boolean): ModelListing => {
    const dir = join(models, m.id);
    const installed = existsSync(join(dir, 'manifest.json'));
    return {
      id: m.id, name: m.name, license: m.license, dims: m.dims, pooling: m.pooling, default: m.default ?? false, inCatalog,
      pullable: inCatalog && m.pinned && m.files.length > 0, installed,
      downloadBytes: m.pinned ? m.files.reduce((n, f) => n + (f.bytes ?? 0), 0) : null,
      installedBytes: installed ? folderBytes(dir) : null,
      partial: existsSync(stagingDir(models, m.id)), dir, ...(m.conversion ? { conversion: m.conversion } : {}),
    };
  };
  const rows = catalog.map((m) => row(m, true));
  const known = new Set(catalog.map((m) => m.id));
  if (existsSync(models)) {
    for (const name of readdirSync(models).sort()) {
      if (name.startsWith('.') || known.has(name)) continue;
      const m = installedManifest(join(models, name));
      if (m) rows.push({ ...row({ ...m, id: name }, false), pullable: false, downloadBytes: null });
    }
  }
  return rows;
}

/** True when `dir` holds exactly the files `m` pins, with their sizes. */
function sameInstall(dir: string, m: ModelManifest): boolean {
  const have = installedManifest(dir);
  if (!have || have.files.length !== m.files.length) return false;
  const pins = new Map(have.files.map((f) => [f.path, f.sha256]));
  return m.files.every((f) => pins.get(f.path) === f.sha256 && existsSync(join(dir, f.path)) && statSync(join(dir, f.path)).size === f.bytes);
}

export async function pullModel(id: string, o: ModelManagerOptions & { signal?: AbortSignal; onProgress?: (p: PullProgress) => void }): Promise<PullResult> {
  checkId(id);
  const m = catalogOf(o).find((c) => c.id === id);
  if (!m) throw new EngineError('MODEL_NOT_FOUND', `no model "${id}" in the catalog (see "delve models list")`);
  const modelsDir = modelsDirOf(o.dataDir);
  const dir = installDir(modelsDir, id);
  const have = installedManifest(dir);
  if (have && (m.pinned ? sameInstall(dir, m) : true)) { // an unpinned model can only have been imported
    const bytes = have.files.reduce((n, f) => n + (f.bytes ?? 0), 0);
    return { id, dir, bytes, files: have.files.length, downloaded: 0, resumed: false, alreadyInstalled: true };
  }
  const r = await installFromHub(m, { ...o, modelsDir, hubBase: hubBaseOf(o), env: o.env ?? process.env });
  return { ...r, alreadyInstalled: false };
}

export async function importModel(folder: string, opts: { id?: string; signal?: AbortSignal }, o: ModelManagerOptions): Promise<ImportResult> {
  const catalog = catalogOf(o);
  return importFolder(folder, { ...opts, modelsDir: modelsDirOf(o.dataDir), base: (id) => catalog.find((m) => m.id === id) });
}

/** Deletes an installed model and any partial download of it. */
export function removeModel(id: string, o: ModelManagerOptions): { id: string; dir: string; bytes: number; hadPartial: boolean } {
  const modelsDir = modelsDirOf(o.dataDir);
  const dir = installDir(modelsDir, id);
  const staging = stagingDir(modelsDir, id);
  const hadPartial = existsSync(staging);
  if (!existsSync(dir) && !hadPartial) throw new EngineError('MODEL_NOT_FOUND', `model "${id}" is not installed in ${modelsDir}`);
  const pid = hadPartial ? lockHolder(staging) : null;
  if (pid !== null) throw new EngineError('MODEL_BUSY', `a download of ${id} is in progress (process ${pid}); cancel it first`);
  let bytes = 0;
  if (existsSync(dir)) {
    bytes = folderBytes(dir);
    const old = join(modelsDir, `.old-${id}-${process.pid}-${Date.now()}`);
    renameSync(dir, old); // the id disappears at once; deleting the files can take a moment
    rmSync(old, { recursive: true, force: true });
  }
  rmSync(staging, { recursive: true, force: true });
  return { id, dir, bytes, hadPartial };
}
