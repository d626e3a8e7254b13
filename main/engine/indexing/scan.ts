/**
 * Walks the given files and folders and lists the documents Delve can index (.pdf, .md, .markdown,
 * .txt). Symbolic links are followed once: a link back into its own ancestry, or a link cycle, is
 * reported as SYMLINK_LOOP; a file reachable through two paths is listed once. Hidden folders
 * (.git, .obsidian, .trash…) and node_modules are not descended into.
 */
import { opendir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { SkippedFile } from '../api.js';
import { toErrorData } from '../errors.js';
import type { FileKind } from '../types.js';

export interface ScannedFile {
  path: string;
  kind: FileKind;
  size: number;
  mtimeMs: number;
}

export interface ScanResult {
  files: ScannedFile[];
  /** Roots that are folders (files given directly are not roots). */
  folders: string[];
  problems: SkippedFile[];
}

const KINDS: Record<string, FileKind> = {
  '.pdf': 'pdf', '.md': 'note', '.markdown': 'note', '.txt': 'note',
  '.docx': 'docx', '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.epub': 'epub',
};
const SKIP_DIRS = new Set(['node_modules']);

export function kindOf(path: string): FileKind | null {
  return KINDS[extname(path).toLowerCase()] ?? null;
}

export async function scan(paths: string[], signal?: AbortSignal): Promise<ScanResult> {
  const out: ScanResult = { files: [], folders: [], problems: [] };
  const seenFiles = new Set<string>();
  for (const given of paths) {
    const path = resolve(given);
    let st;
    try {
      st = await stat(path);
    } catch (err) {
      const e = toErrorData(err, path);
      out.problems.push({ path, ...(e.code === 'FILE_VANISHED' ? { code: 'FILE_NOT_FOUND', message: `${path}: no such file or folder` } : e) });
      continue;
    }
    if (st.isDirectory()) {
      out.folders.push(path);
      await walk(path, [await realpath(path)], out, seenFiles, signal);
    } else if (kindOf(path) === null) {
      out.problems.push({ path, code: 'UNSUPPORTED_TYPE', message: `${path}: Delve indexes .pdf, .md, .markdown, .txt, .docx, .html, .htm, .xhtml and .epub files` });
    } else {
      await addFile(path, out, seenFiles);
    }
  }
  return out;
}

async function walk(dir: string, ancestry: string[], out: ScanResult, seen: Set<string>, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  let entries;
  try {
    entries = await opendir(dir);
  } catch (err) {
    out.problems.push({ path: dir, ...toErrorData(err, dir) });
    return;
  }
  const names: { name: string; link: boolean; dir: boolean }[] = [];
  for await (const e of entries) names.push({ name: e.name, link: e.isSymbolicLink(), dir: e.isDirectory() });
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of names) {
    const path = join(dir, e.name);
    if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
    if (e.link) {
      let real: string;
      let st;
      try {
        real = await realpath(path);
        st = await stat(real);
      } catch (err) {
        const data = toErrorData(err, path);
        if (data.code !== 'FILE_VANISHED' || kindOf(path) !== null) out.problems.push({ path, ...data });
        continue;
      }
      if (st.isDirectory()) {
        if (ancestry.includes(real)) {
          out.problems.push({ path, code: 'SYMLINK_LOOP', message: `${path}: links back to ${real}, which contains it` });
          continue;
        }
        await walk(path, [...ancestry, real], out, seen, signal);
      } else if (kindOf(path)) {
        await addFile(path, out, seen);
      }
    } else if (e.dir) {
      await walk(path, [...ancestry, join(ancestry[ancestry.length - 1]!, e.name)], out, seen, signal);
    } else if (kindOf(path)) {
      await addFile(path, out, seen);
    }
  }
}

async function addFile(path: string, out: ScanResult, seen: Set<string>): Promise<void> {
  const kind = kindOf(path);
  if (!kind) return;
  try {
    const real = await realpath(path);
    if (seen.has(real)) return;
    seen.add(real);
    const st = await stat(real);
    if (!st.isFile()) {
      out.problems.push({ path, code: 'UNSUPPORTED_TYPE', message: `${path}: not a regular file` });
      return;
    }
    out.files.push({ path, kind, size: st.size, mtimeMs: Math.trunc(st.mtimeMs) });
  } catch (err) {
    out.problems.push({ path, ...toErrorData(err, path) });
  }
}
