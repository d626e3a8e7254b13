/**
 * Replaces the references of a strategy line (`#3`, `3`, `1a`, `or/1-5`) by the trees of the lines
 * they name, so that the last line becomes one self-contained query. A reference may only name a
 * line above it; anything else is an error at the reference's offset.
 */
import { andOf, notOf, orOf, type Node, type QueryIssue } from './ast.js';

export interface ResolvedLine {
  /** The label other lines use for it ("3", "1a", "A"), or null. */
  label: string | null;
  /** Position of the line among the strategy's content lines. */
  position: number;
  /** The line's own tree, references still in it; null when the line has errors. */
  tree: Node | null;
}

export interface LineIndex {
  /** The resolved tree of the line labelled `label`, if it comes before `position`. */
  lookup(label: string, position: number): { tree: Node } | { error: string } | { failed: true };
}

/** Builds the index; `resolved` is filled in order as each line is resolved. */
export function lineIndex(lines: readonly ResolvedLine[], resolved: Map<number, Node>): LineIndex {
  const byLabel = new Map<string, ResolvedLine>();
  for (const l of lines) if (l.label !== null && !byLabel.has(l.label)) byLabel.set(l.label, l);
  return {
    lookup(label, position) {
      const target = byLabel.get(label);
      if (!target) return { error: `refers to ${label}, but no line of the strategy is ${label}` };
      if (target.position >= position) {
        return { error: target.position === position ? `line ${label} refers to itself` : `refers to line ${label}, which comes later` };
      }
      const tree = resolved.get(target.position);
      return tree ? { tree } : { failed: true }; // that line's own errors are already reported
    },
  };
}

/**
 * The tree with every reference replaced, or null when a reference could not be (errors, at each
 * reference's offset, are pushed to `errors`).
 */
export function resolveRefs(tree: Node, position: number, index: LineIndex, errors: QueryIssue[]): Node | null {
  let ok = true;
  const go = (n: Node): Node => {
    switch (n.type) {
      case 'ref': {
        const r = index.lookup(n.label, position);
        if ('tree' in r) return r.tree;
        if ('error' in r) errors.push({ message: r.error, offset: n.offset });
        ok = false;
        return n;
      }
      case 'and':
        return andOf(n.children.map(go), n);
      case 'or':
        return orOf(n.children.map(go), n);
      case 'not':
        return notOf(go(n.children[0]), go(n.children[1]), n);
      default:
        return n;
    }
  };
  const out = go(tree);
  return ok ? out : null;
}

/** Labels referenced from the line at `start`, directly or through other lines (by position). */
export function reachable(lines: readonly ResolvedLine[], start: number): Set<number> {
  const byLabel = new Map<string, ResolvedLine>();
  for (const l of lines) if (l.label !== null && !byLabel.has(l.label)) byLabel.set(l.label, l);
  const seen = new Set<number>();
  const visit = (pos: number) => {
    if (seen.has(pos)) return;
    seen.add(pos);
    const line = lines.find((l) => l.position === pos);
    if (!line?.tree) return;
    const stack: Node[] = [line.tree];
    for (let n = stack.pop(); n; n = stack.pop()) {
      if (n.type === 'ref') {
        const t = byLabel.get(n.label);
        if (t && t.position < pos) visit(t.position);
      } else if (n.type === 'and' || n.type === 'or' || n.type === 'not') stack.push(...n.children);
    }
  };
  visit(start);
  return seen;
}

/**
 * Resolves every line in order and returns the last line's tree (null if there are errors), after
 * warning about lines the last line does not use. `offsets[position]` is where each line starts.
 */
export function resolveStrategy(content: readonly ResolvedLine[], offsets: readonly number[], errors: QueryIssue[], warnings: QueryIssue[]): Node | null {
  const resolved = new Map<number, Node>();
  const index = lineIndex(content, resolved);
  for (const c of content) {
    const tree = c.tree && resolveRefs(c.tree, c.position, index, errors);
    if (tree) resolved.set(c.position, tree);
  }
  const lastPos = content.length - 1;
  if (lastPos < 0) errors.push({ message: 'empty query', offset: 0 });
  else {
    const used = reachable(content, lastPos);
    for (const c of content) {
      if (!used.has(c.position)) warnings.push({ message: `line ${c.label ?? c.position + 1} is not used by the final search (the last line)`, offset: offsets[c.position] ?? 0 });
    }
  }
  errors.sort((a, b) => a.offset - b.offset);
  warnings.sort((a, b) => a.offset - b.offset);
  return errors.length ? null : (resolved.get(lastPos) ?? null);
}
