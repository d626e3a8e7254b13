/**
 * The plan of scripts/move-files.mjs: the manifest expanded into one (from → to) pair per file, each
 * pending (still at `from`) or done (already at `to`), and the lookups the rewriter needs.
 */
import { posix } from 'node:path';

const STEM = /\.(tsx?|mts|cts|m?js|cjs)$/;
const COMPANIONS = ['.test.ts', '.test.tsx', '.test.mjs', '.test.js'];

/**
 * @param {{from: string, to: string}[]} manifest
 * @param {string[]} files repository-relative paths on disk now
 */
export function planMoves(manifest, files) {
  const present = new Set(files);
  const errors = [];
  const pairs = new Map(); // old → new
  const folders = []; // [old, new] folder moves, for paths under them that are no file here (dist/, new files)
  const under = (dir) => files.filter((f) => f.startsWith(dir + '/'));
  const clean = (p) => posix.normalize(p).replace(/\/$/, '');

  const isFolder = (e) => under(clean(e.from)).length > 0 || (e.to.endsWith('/') && !STEM.test(e.from) && under(clean(e.to)).length > 0);
  // Folder entries first: a file entry inside a moved folder overrides the folder's pair for it.
  const entries = [...manifest].sort((a, b) => Number(!isFolder(a)) - Number(!isFolder(b)));
  for (const e of entries) {
    if (typeof e.from !== 'string' || typeof e.to !== 'string') {
      errors.push(`manifest entry ${JSON.stringify(e)} needs "from" and "to"`);
      continue;
    }
    const from = clean(e.from);
    if (isFolder(e)) {
      const to = clean(e.to);
      folders.push([from, to]);
      for (const f of under(from)) pairs.set(f, to + f.slice(from.length));
      for (const f of under(to)) if (![...pairs.values()].includes(f)) pairs.set(from + f.slice(to.length), f);
      continue;
    }
    const to = e.to.endsWith('/') ? posix.join(e.to, posix.basename(from)) : clean(e.to);
    pairs.set(from, to);
    if (!present.has(from) && !present.has(to)) console.warn(`move-files: neither ${from} nor ${to} exists (skipped)`);
    if (STEM.test(from) && STEM.test(to)) {
      const oldStem = from.replace(STEM, '');
      const newStem = to.replace(STEM, '');
      for (const c of COMPANIONS) {
        if (present.has(oldStem + c) || present.has(newStem + c)) pairs.set(oldStem + c, newStem + c);
      }
    }
  }

  const list = [];
  const targets = new Map();
  for (const [from, to] of pairs) {
    if (present.has(from) && present.has(to)) errors.push(`${from} exists at both its old and its new place (${to}): resolve by hand, then run again`);
    if (targets.has(to)) errors.push(`${from} and ${targets.get(to)} would both move to ${to}`);
    if (pairs.has(to)) errors.push(`${to} is both a target and a source (chained moves are not supported)`);
    targets.set(to, from);
    list.push({ from, to, pending: present.has(from) && !present.has(to) });
  }

  const dirsNow = new Set();
  for (const f of files) for (let d = posix.dirname(f); d !== '.'; d = posix.dirname(d)) dirsNow.add(d);
  const dirs = new Set(dirsNow);
  for (const f of [...files, ...pairs.keys()]) for (let d = posix.dirname(f); d !== '.'; d = posix.dirname(d)) dirs.add(d);

  return {
    errors,
    pairs: list,
    /** The new path of a file or folder that moves (exactly, as listed), else undefined. */
    fileMap: (p) => pairs.get(p),
    /** Folder moves: the new path of anything under a moved folder (also paths that are no file here). */
    folderMap(p) {
      for (const [from, to] of folders) if (p === from || p.startsWith(from + '/')) return to + p.slice(from.length);
      return undefined;
    },
    isMovedFolder: (p) => folders.some(([from]) => from === p),
    /** The moved files whose old path ends with `/suffix`. */
    endingWith: (suffix) => [...pairs.keys()].filter((f) => f.endsWith('/' + suffix)),
    /** Exists here now (file or folder), or is a file some move names. */
    known: (p) => present.has(p) || dirs.has(p) || pairs.has(p),
    isFile: (p) => present.has(p) || pairs.has(p),
    existsNow: (p) => present.has(p),
    isDirNow: (p) => dirsNow.has(p),
    /** Where a file now at `p` will be once the plan is applied. */
    newPath: (p) => (present.has(p) && pairs.has(p) && !present.has(pairs.get(p)) ? pairs.get(p) : p),
  };
}
