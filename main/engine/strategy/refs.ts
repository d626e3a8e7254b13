/**
 * Line references: each must name a line above it. Mistakes with one plain reading are repaired
 * with a warning: in an OR (`or/1-5` on line 5, `1 or 2 or 9` with no line 9) a reference to the
 * line itself or to no line is dropped, since OR-ing the other lines is what was meant. A reference
 * to a later line, or any bad reference under AND/NOT, is an error: there is no safe reading.
 */
import { bool, type Node } from './ast.js';
import type { Sink } from './diagnostics.js';

export function checkRefs(n: Node, pos: number, line: string, labels: ReadonlyMap<string, number>, sink: Sink): Node | null {
  let failed = false;
  const go = (x: Node, inOr: boolean): Node | null => {
    if (x.t === 'ref') {
      const p = labels.get(x.label);
      if (p !== undefined && p < pos) return x;
      const what = p === undefined ? `refers to line ${x.label}, which does not exist` : p === pos ? `line ${line} refers to itself` : `refers to line ${x.label}, which comes later`;
      if (inOr && (p === undefined || p === pos)) {
        sink.warn(x.offset, `${what}: left out of the OR`, p === pos ? `remove ${x.label} (or/1-${Number(line) - 1} was probably meant)` : `remove ${x.label} or correct the line number`);
        return null;
      }
      sink.error(x.offset, what, p === undefined ? 'correct the line number' : p === pos ? `remove ${x.label}: a line cannot use its own results` : 'move this line below the one it uses, or correct the number');
      failed = true;
      return x;
    }
    if (x.t === 'bool') {
      const kids = x.kids.map((k) => go(k, x.op === 'or')).filter((k): k is Node => k !== null);
      if (kids.length === 0) return null;
      if (kids.length === 1) return kids[0] as Node;
      return bool(x.op, kids, x);
    }
    if (x.t === 'limit') {
      const p = labels.get(x.label);
      if (p === undefined || p >= pos) {
        sink.error(x.refSpan.offset, p === undefined ? `limit refers to line ${x.label}, which does not exist` : p === pos ? `line ${line} limits itself` : `limit refers to line ${x.label}, which comes later`, 'correct the line number after "limit"');
        failed = true;
      }
      return x;
    }
    return x;
  };
  const out = go(n, false);
  if (!out) {
    sink.error(n.offset, 'every line this line refers to is missing', 'correct the line numbers');
    return null;
  }
  return failed ? null : out;
}

/** Replaces references by the trees of the lines they name (already resolved), for one final query. */
export function resolve(n: Node, trees: ReadonlyMap<string, Node>): Node {
  switch (n.t) {
    case 'ref': return trees.get(n.label) ?? n;
    case 'bool': return bool(n.op, n.kids.map((k) => resolve(k, trees)), n);
    case 'limit': {
      const base = trees.get(n.label) ?? { t: 'ref', label: n.label, ...n.refSpan };
      const items = n.items.flatMap((i) => (i.node ? [i.node] : []));
      return bool('and', [base, ...items], n);
    }
    default: return n;
  }
}

/** The same tree with references renamed (`label` → new label). */
export function renumber(n: Node, map: ReadonlyMap<string, string>): Node {
  switch (n.t) {
    case 'ref': return { ...n, label: map.get(n.label) ?? n.label };
    case 'bool': return { ...n, kids: n.kids.map((k) => renumber(k, map)) };
    case 'limit': return { ...n, label: map.get(n.label) ?? n.label };
    default: return n;
  }
}

/** Labels the line uses directly. */
export function refsOf(n: Node): string[] {
  if (n.t === 'ref') return [n.label];
  if (n.t === 'limit') return [n.label];
  if (n.t === 'bool') return n.kids.flatMap(refsOf);
  return [];
}
