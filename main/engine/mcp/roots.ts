/**
 * The library's roots as the MCP server's boundary: a path a tool is given must be inside one of
 * the folders the library indexes (after resolving symbolic links and `..`), else the tool refuses.
 */
import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';

const real = (p: string) => { try { return realpathSync(p); } catch { return resolve(p); } };

export function insideRoots(path: string, roots: readonly string[]): boolean {
  const p = real(path);
  return roots.some((r) => {
    const root = real(r);
    return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
  });
}
