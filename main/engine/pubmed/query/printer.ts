/**
 * Prints a tree as a canonical PubMed query: uppercase operators, canonical short tags, straight
 * quotes, and parentheses only where PubMed's left-to-right reading needs them to give back the
 * same tree. Reading `x1 OP x2 OP x3` as `((x1 OP x2) OP x3)` means the first operand of an
 * operator never needs parentheses, and every later operand needs them when it is itself an
 * AND / OR / NOT. So parseQuery(printQuery(t)) gives t again (up to offsets), and printing is a
 * fixed point.
 *
 * `{ parens: 'all' }` also brackets the first operand when it is an operator of another kind
 * (`(a OR b) AND c` instead of `a OR b AND c`): the same tree, easier for people to read and safe
 * for any engine that gives AND precedence over OR.
 */
import type { Node, TermNode } from './ast.js';

/**
 * Whether `text` can be printed without quotes and read back as the same bare term: no brackets,
 * parentheses or quotes, single spaces, no word that is an operator or a `#n` reference.
 */
export function bareSafe(text: string): boolean {
  if (text === '' || /[()[\]"]/.test(text) || /^\s|\s$|\s\s|[^\S ]/.test(text)) return false;
  return text.split(' ').every((w) => w !== 'AND' && w !== 'OR' && w !== 'NOT' && !/^#\d+$/.test(w) && w !== '*');
}

function printTerm(t: TermNode): string {
  const star = t.truncated ? '*' : '';
  const words = t.quoted ? `"${t.text}${star}"` : `${t.text}${star}`;
  if (t.field === null) return words;
  const prox = t.proximity === undefined ? '' : `:~${t.proximity}`;
  return `${words}[${t.field}${prox}]`;
}

function isCompound(n: Node): boolean {
  return n.type === 'and' || n.type === 'or' || n.type === 'not';
}

export interface PrintOptions {
  parens?: 'minimal' | 'all';
}

function printNode(n: Node, all: boolean): string {
  switch (n.type) {
    case 'term':
      return printTerm(n);
    case 'range':
      return `${n.from}:${n.to}[${n.field}]`;
    case 'ref':
      return `#${n.label}`;
    case 'and':
    case 'or':
    case 'not': {
      const op = n.type === 'and' ? ' AND ' : n.type === 'or' ? ' OR ' : ' NOT ';
      return n.children.map((c, i) => {
        const s = printNode(c, all);
        return isCompound(c) && (i > 0 || all) ? `(${s})` : s;
      }).join(op);
    }
  }
}

export function printQuery(tree: Node, opts: PrintOptions = {}): string {
  return printNode(tree, opts.parens === 'all');
}
