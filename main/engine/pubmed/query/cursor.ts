/** The parser's position in the token list, and the problems it has found so far. */
import type { QueryIssue } from './ast.js';
import type { Token } from './lexer.js';

export class Cursor {
  i = 0;
  readonly errors: QueryIssue[] = [];
  readonly warnings: QueryIssue[] = [];

  constructor(readonly tokens: readonly Token[]) {}

  peek(ahead = 0): Token | undefined {
    return this.tokens[this.i + ahead];
  }

  next(): Token | undefined {
    const t = this.tokens[this.i];
    if (t) this.i++;
    return t;
  }

  error(message: string, offset: number): void {
    this.errors.push({ message, offset });
  }

  warn(message: string, offset: number): void {
    this.warnings.push({ message, offset });
  }
}
