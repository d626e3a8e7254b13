/**
 * Runs a PubMed Boolean query (a tree from checkQuery) over the local library: imported PubMed
 * records, and PDFs and notes as far as their fields allow. Each leaf becomes the set of documents
 * it matches; AND, OR and NOT (set difference) combine those sets as the tree says (the tree already
 * reads PubMed's operators left to right). So `a AND b` needs a and b in the same document, not in
 * the same chunk.
 *
 * What PubMed does that the library cannot, and what is approximated, is listed in `unsupported`
 * with the offset of the term it is about; an unsupported field matches nothing. Notes about a
 * whole tag ([mh] explosion, automatic term mapping) are given once, at its first use.
 */
import { EngineError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import type { Node } from '../query/ast.js';
import { printQuery } from '../query/printer.js';
import { Leaves } from './leaves.js';

export interface Unsupported {
  offset: number;
  /** The term as printed in canonical PubMed syntax. */
  what: string;
  why: string;
}

export interface OfflineResult {
  /** Matching documents, ascending. */
  docIds: number[];
  unsupported: Unsupported[];
}

export interface OfflineOptions {
  /** The query behind `#n`: a line of the strategy or a saved search. Without it a reference is an error. */
  resolve?: (label: string) => Node | undefined;
}

export { NOTES } from './leaves.js';

export function runOffline(db: Db, tree: Node, opts: OfflineOptions = {}): OfflineResult {
  const unsupported: Unsupported[] = [];
  const noted = new Set<string>();
  /** Why the term being evaluated matches nothing (given again wherever the same term recurs). */
  let reasons: string[] = [];
  const leaves = new Leaves(db, {
    note(key, n, why) {
      if (noted.has(key)) return;
      noted.add(key);
      unsupported.push({ offset: n.offset, what: printQuery(n), why });
    },
    nothing(n, why) {
      unsupported.push({ offset: n.offset, what: printQuery(n), why });
      reasons.push(why);
      return new Set();
    },
  });
  /** Each distinct term is run once; an unsupported one is reported again at each of its offsets. */
  const memo = new Map<string, { hits: Set<number>; why: string[] }>();

  const evaluate = (n: Node, depth: number): Set<number> => {
    if (depth > 64) throw new EngineError('BAD_ARGUMENT', 'the query refers to itself (#n references loop)');
    switch (n.type) {
      case 'and': return n.children.map((c) => evaluate(c, depth + 1)).reduce(intersect);
      case 'or': return n.children.map((c) => evaluate(c, depth + 1)).reduce(union);
      case 'not': {
        const left = evaluate(n.children[0], depth + 1);
        const right = evaluate(n.children[1], depth + 1);
        return new Set([...left].filter((x) => !right.has(x)));
      }
      case 'range': return leaves.range(n);
      case 'ref': {
        const target = opts.resolve?.(n.label);
        if (!target) throw new EngineError('BAD_ARGUMENT', `#${n.label} refers to a search that is not part of this query: it cannot be run offline`);
        return evaluate(target, depth + 1);
      }
      case 'term': {
        const key = JSON.stringify([n.field, n.text, n.quoted, n.truncated, n.proximity]);
        const known = memo.get(key);
        if (known) {
          for (const why of known.why) unsupported.push({ offset: n.offset, what: printQuery(n), why });
          return known.hits;
        }
        reasons = [];
        const hits = leaves.term(n);
        memo.set(key, { hits, why: reasons });
        return hits;
      }
    }
  };

  const hits = evaluate(tree, 0);
  unsupported.sort((a, b) => a.offset - b.offset);
  return { docIds: [...hits].sort((a, b) => a - b), unsupported };
}

function union(a: Set<number>, b: Set<number>): Set<number> {
  const out = new Set(a);
  for (const x of b) out.add(x);
  return out;
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  return new Set([...a].filter((x) => b.has(x)));
}
