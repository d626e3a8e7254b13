/**
 * Installs a catalog model from the hub (or a mirror): every file of the manifest is downloaded and
 * verified into the staging folder, then manifest.json is written and the folder renamed into place.
 * Progress is reported per model (bytes done / total), at most every `progressIntervalMs`.
 */
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EngineError } from '../errors.js';
import { downloadFile, type DownloadOptions } from './download.js';
import { parseManifest, type ModelManifest } from './manifest.js';
import { installDir, stagingDir, swapIntoPlace, withLock, writeManifest } from './staging.js';

export interface PullProgress {
  id: string;
  /** The file being downloaded (its path in the model). */
  file: string;
  fileIndex: number;
  fileCount: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface InstallOptions extends Omit<DownloadOptions, 'onProgress'> {
  modelsDir: string;
  /** Replaces `{base}` in the manifest's URLs, e.g. https://huggingface.co or a mirror. */
  hubBase: string;
  onProgress?: (p: PullProgress) => void;
  progressIntervalMs?: number;
}

export interface InstallResult {
  id: string;
  dir: string;
  bytes: number;
  files: number;
  /** Bytes received over the network (less than `bytes` when files were resumed or already staged). */
  downloaded: number;
  resumed: boolean;
}

export function fileUrl(template: string, hubBase: string): string {
  return template.replaceAll('{base}', hubBase.replace(/\/+$/, ''));
}

export function notPinned(m: ModelManifest): EngineError {
  const how = m.conversion
    ? `no ONNX export is published; convert it and import the folder: ${m.conversion}`
    : `download its files yourself and run "delve models import <folder> --id ${m.id}", or pin the hashes in models/${m.id}.json`;
  return new EngineError('MODEL_NOT_PINNED', `${m.id}: the sha256 of its files is not pinned in the manifest yet, so a download could not be verified; ${how}`);
}

/** Copies (clones where possible) files an older install already has with the same sha256; the download verifies them. */
function seedFromInstall(target: string, staging: string, m: ModelManifest): void {
  let old: ModelManifest;
  try {
    old = parseManifest(JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8')));
  } catch {
    return;
  }
  const pins = new Map(old.files.map((f) => [f.path, f.sha256]));
  for (const f of m.files) {
    const from = join(target, ...f.path.split('/'));
    const to = join(staging, ...f.path.split('/'));
    if (pins.get(f.path) !== f.sha256 || !existsSync(from) || existsSync(to)) continue;
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

export async function installFromHub(m: ModelManifest, o: InstallOptions): Promise<InstallResult> {
  if (!m.pinned || m.files.length === 0) throw notPinned(m);
  if (!m.files.some((f) => f.path === m.onnx)) throw new EngineError('MODEL_INVALID', `${m.id}: the manifest does not list its ONNX graph ${m.onnx} among its files`);
  const staging = stagingDir(o.modelsDir, m.id);
  const target = installDir(o.modelsDir, m.id);
  mkdirSync(staging, { recursive: true });
  const files = [...m.files].sort((a, b) => a.bytes! - b.bytes!); // small files first: a wrong URL shows up at once
  const total = files.reduce((n, f) => n + f.bytes!, 0);
  const result: InstallResult = { id: m.id, dir: target, bytes: total, files: files.length, downloaded: 0, resumed: false };
  return withLock(staging, `a download of ${m.id}`, async (release) => {
    seedFromInstall(target, staging, m);
    let finished = 0;
    let last = 0;
    for (const [i, f] of files.entries()) {
      const emit = (done: number, force = false) => {
        const now = Date.now();
        if (!o.onProgress || (!force && now - last < (o.progressIntervalMs ?? 100))) return;
        last = now;
        o.onProgress({ id: m.id, file: f.path, fileIndex: i, fileCount: files.length, bytesDone: finished + done, bytesTotal: total });
      };
      const r = await downloadFile(
        { url: fileUrl(f.url, o.hubBase), dest: join(staging, ...f.path.split('/')), sha256: f.sha256!, bytes: f.bytes!, label: f.path },
        { ...o, onProgress: emit },
      );
      result.downloaded += r.transferred;
      result.resumed ||= r.resumedFrom > 0;
      finished += f.bytes!;
      emit(0, true);
    }
    if (o.signal?.aborted) throw new EngineError('CANCELLED', `download of ${m.id} cancelled`);
    if (!existsSync(join(staging, ...m.onnx.split('/')))) throw new EngineError('MODEL_INVALID', `${m.id}: ${m.onnx} is missing after the download`);
    writeManifest(staging, m);
    release();
    swapIntoPlace(staging, target);
    return result;
  });
}
