/**
 * `delve pubmed check "<query>"`: validates a PubMed Boolean query (or a multi-line search
 * strategy) and prints it canonically, or prints each error with a caret under the place it is
 * about. Exit code 0 when the query is valid, 1 when it is not.
 *
 * --json prints exactly `{"ok":true,"normalized":"…","tree":…}` or
 * `{"ok":false,"errors":[{"message":"…","offset":N}]}`.
 */
import { checkQuery, type QueryIssue } from '../pubmed/query/index.js';

type Out = (s: string) => void;

const BEFORE = 30;
const AFTER = 40;

/** The line of `text` around `offset`, cut to a window, and a caret under the offset. */
export function caretLines(text: string, offset: number): [string, string] {
  const at = Math.max(0, Math.min(offset, text.length));
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  const end = nl < 0 ? text.length : nl;
  const from = Math.max(start, at - BEFORE);
  const to = Math.min(end, at + AFTER);
  const head = from > start ? '…' : '';
  const tail = to < end ? '…' : '';
  const shown = text.slice(from, to).replace(/[\t\r]/g, ' ');
  return [`  ${head}${shown}${tail}`, `  ${' '.repeat(head.length + at - from)}^`];
}

function lineNumber(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function describe(kind: string, issue: QueryIssue, text: string, out: Out): void {
  const where = text.includes('\n') ? `line ${lineNumber(text, issue.offset)}, offset ${issue.offset}` : `offset ${issue.offset}`;
  out(`${kind} at ${where}: ${issue.message}`);
  for (const l of caretLines(text, issue.offset)) out(l);
}

export async function pubmedCheck(query: string, json: boolean, out: Out): Promise<number> {
  const r = checkQuery(query);
  if (json) {
    out(JSON.stringify(r.ok
      ? { ok: true, normalized: r.normalized, tree: r.tree }
      : { ok: false, errors: r.errors.map((e) => ({ message: e.message, offset: e.offset })) }));
    return r.ok ? 0 : 1;
  }
  if (r.ok) {
    out(r.normalized);
    for (const w of r.warnings) describe('warning', w, query, out);
    return 0;
  }
  for (const e of r.errors) describe('error', e, query, out);
  return 1;
}
