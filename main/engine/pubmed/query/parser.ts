/**
 * Parses one PubMed query into a tree (see ast.ts). Operators are read strictly left to right with
 * no precedence, as PubMed does: `a OR b AND c` = `(a OR b) AND c`, `a NOT b NOT c` = `(a NOT b)
 * NOT c`. Two operands with no operator between them (`a[tiab] b[tiab]`, `x (y OR z)`) are ANDed,
 * as PubMed does ("If you do not include Boolean operators, PubMed will automatically use AND
 * between terms"), with a warning.
 *
 * Errors are collected, never thrown, each at the offset of what is wrong: an unmatched parenthesis,
 * an unknown field tag, an operator with no operand on one side, an unterminated quote, an empty
 * query. The parser recovers so that one mistake gives one error.
 */
import { combine, type Node, type QueryIssue } from './ast.js';
import { Cursor } from './cursor.js';
import { checkBalance, lex, type OpName, type Token } from './lexer.js';
import { readAtom } from './term.js';

export interface ParseOptions {
  /** Parse only input.slice(from, to); offsets still count from the start of input. */
  from?: number;
  to?: number;
  /** Read `and`/`or`/`not` in any case as operators (not PubMed: for strategy combination lines). */
  lowercaseOperators?: boolean;
}

export interface ParseOutput {
  tree: Node | null;
  errors: QueryIssue[];
  warnings: QueryIssue[];
}

type OpToken = Extract<Token, { kind: 'op' }>;

/** An operand: a parenthesised group or an atom. Returns null when it was not usable (already reported). */
function readOperand(c: Cursor, depth: number): Node | null {
  const t = c.peek();
  if (!t) return null;
  if (t.kind === 'lparen') {
    c.next();
    const empty = c.peek()?.kind === 'rparen';
    const inner = readSequence(c, depth + 1);
    if (c.peek()?.kind === 'rparen') c.next(); // a missing ) was reported by checkBalance
    if (empty) c.error('empty parentheses', t.offset);
    const tag = c.peek();
    if (tag?.kind === 'tag') {
      c.next();
      c.error('a field tag cannot follow a parenthesised group: put the tag after each term inside', tag.offset);
    }
    return inner;
  }
  if (t.kind === 'tag') {
    c.next();
    c.error(`field tag [${t.inside.trim()}] has no search term before it`, t.offset);
    return null;
  }
  return readAtom(c);
}

/** operand (operator? operand)*, folded left to right. Stops before a `)` that closes a group. */
function readSequence(c: Cursor, depth: number): Node | null {
  let left: Node | null = null;
  let pending: OpToken | null = null;
  let expectOperand = true;
  for (let t = c.peek(); t; t = c.peek()) {
    if (t.kind === 'rparen') {
      if (depth > 0) break;
      c.next(); // an extra ) at the top level: reported by checkBalance
      continue;
    }
    if (t.kind === 'op') {
      c.next();
      if (expectOperand) c.error(`${t.text} has no search term before it`, t.offset);
      else {
        pending = t;
        expectOperand = true;
      }
      continue;
    }
    const at = t.offset;
    const operand = readOperand(c, depth);
    let op: OpName = 'and';
    if (pending) op = pending.op;
    else if (!expectOperand) c.warn('no operator before this: PubMed combines adjacent terms with AND', at);
    if (operand) left = left ? combine(op, left, operand) : operand;
    pending = null;
    expectOperand = false;
  }
  if (pending) c.error(`${pending.text} has no search term after it`, pending.offset);
  return left;
}

export function parseQuery(input: string, opts: ParseOptions = {}): ParseOutput {
  const from = opts.from ?? 0;
  const lexed = lex(input, opts);
  const c = new Cursor(lexed.tokens);
  const errors: QueryIssue[] = [...lexed.errors, ...checkBalance(lexed.tokens)];
  if (lexed.tokens.length === 0 && lexed.errors.length === 0) {
    return { tree: null, errors: [{ message: 'empty query', offset: from }], warnings: [] };
  }
  const tree = readSequence(c, 0);
  errors.push(...c.errors);
  errors.sort((a, b) => a.offset - b.offset);
  const warnings = [...lexed.warnings, ...c.warnings].sort((a, b) => a.offset - b.offset);
  if (!tree && errors.length === 0) errors.push({ message: 'empty query', offset: from });
  return { tree: errors.length ? null : tree, errors, warnings };
}
