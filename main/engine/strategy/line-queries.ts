/**
 * Each line's full PubMed query: its references (`#3 AND #5`, `or/1-12`, `limit 4 to …`) replaced
 * by the lines they name, recursively, so that PubMed's count for it is the line's own count. A line
 * with no translation, or one that names a line without one, has no query (null).
 */
import { walk, type Node } from './ast.js';
import { printPubmed } from './print-pubmed.js';
import { resolve } from './refs.js';
import type { ParsedStrategy } from './strategy.js';

export interface LineQuery { n: number; query: string | null }

const hasRef = (n: Node): boolean => [...walk(n)].some((x) => x.t === 'ref' || x.t === 'limit');

export function lineQueries(p: ParsedStrategy): LineQuery[] {
  const trees = new Map<string, Node>();
  return p.lines.map((l) => {
    if (!l.node) return { n: l.n, query: null };
    const tree = resolve(l.node, trees);
    if (hasRef(tree)) return { n: l.n, query: null };
    trees.set(l.label, tree);
    return { n: l.n, query: printPubmed(tree) };
  });
}
