/**
 * Which paths the renderer may ask the engine to index or import: the folders (and .bib/.ris files)
 * the user picked in the system dialogs this session, and anything inside them. A compromised renderer therefore cannot index
 * (and then search) arbitrary files. Plain Node; tested in grants.test.ts.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CodedError } from './envelope.js';

export class FolderGrants {
  private readonly roots = new Set<string>();

  grant(paths: readonly string[]): void {
    for (const p of paths) this.roots.add(resolve(p));
  }

  allows(path: string): boolean {
    const target = resolve(path);
    for (const root of this.roots) {
      const rel = relative(root, target);
      if (!isAbsolute(rel) && rel.split(sep)[0] !== '..') return true;
    }
    return false;
  }

  /** Throws FORBIDDEN naming the first path that was not granted. */
  check(paths: readonly string[]): void {
    const denied = paths.find((p) => !this.allows(p));
    if (denied !== undefined) throw new CodedError('FORBIDDEN', `${denied} was not chosen with "Add folder" or "Import references" in this session`);
  }
}
