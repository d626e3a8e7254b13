/**
 * `delve pubmed check "<query>"`: validates a PubMed Boolean query (or a multi-line search
 * strategy) and prints it canonically, or prints each error with a caret under the place it is
 * about. Exit code 0 when the query is valid, 1 when it is not.
 *
 * --json prints exactly `{"ok":true,"normalized":"…","tree":…}` or
 * `{"ok":false,"errors":[{"message":"…","offset":N}]}`.
 */
import { checkQuery, type QueryIssue } from '../pubmed/query/index.js';
import { translateStrategy, type Translation } from '../strategy/index.js';

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

/**
 * A strategy (or one line) in Ovid syntax, or for another database, goes to the strategy translator
 * (../strategy/), which reads strategies as published and repairs mistakes with one reading; so does
 * a PubMed-syntax strategy the PubMed checker refuses but the translator accepts.
 */
function strategyCheck(query: string, json: boolean, out: Out, pubmedOk: boolean): number | null {
  const t: Translation = translateStrategy(query, 'pubmed');
  if (!query.includes('\n') && t.from === 'pubmed') return null;
  if (t.from === 'pubmed' && (pubmedOk || !t.ok)) return null;
  const issues = [...t.diagnostics, ...t.lines.flatMap((l) => l.errors)];
  if (json) {
    out(JSON.stringify(t.ok
      ? { ok: true, normalized: t.query, database: t.database, warnings: issues }
      : { ok: false, database: t.database, errors: issues.filter((e) => e.severity === 'error') }));
    return t.ok ? 0 : 1;
  }
  if (t.ok) out(t.query as string);
  else out(`not translated (${t.database})`);
  for (const d of issues) describe(d.severity, { message: `${d.message} (fix: ${d.fix})`, offset: d.offset }, query, out);
  return t.ok ? 0 : 1;
}

export async function pubmedCheck(query: string, json: boolean, out: Out): Promise<number> {
  const r = checkQuery(query);
  const s = strategyCheck(query, json, out, r.ok);
  if (s !== null) return s;
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
