/**
 * `delve pubmed translate "<strategy>" --to pubmed|ovid [--from pubmed|ovid] [--json]`: a search
 * strategy (Ovid MEDLINE or PubMed, one search per line, as published) translated line by line.
 * `--file F` reads it from a file, `-` from standard input. Exit code 0 when every line translated
 * (with or without warnings), 1 otherwise.
 *
 * --json prints `{ok, database, lines:[{n, source, translated, notes:[…], errors:[…]}], query}`;
 * errors are `{line, offset, message, fix, severity}`, notes `{element, exactness, becomes, reason?}`.
 */
import { translateStrategy, type Syntax, type Translation } from '../strategy/index.js';
import { UsageError } from './args.js';

type Out = (s: string) => void;

export function syntaxOption(v: string | undefined, name: string, fallback?: Syntax): Syntax | undefined {
  if (v === undefined) return fallback;
  if (v !== 'pubmed' && v !== 'ovid') throw new UsageError(`${name} must be pubmed or ovid`);
  return v;
}

export function translationJson(t: Translation): string {
  return JSON.stringify({
    ok: t.ok,
    database: t.database,
    lines: t.lines.map((l) => ({ n: l.n, source: l.source, translated: l.translated, notes: l.notes, errors: l.errors })),
    query: t.query,
    ...(t.diagnostics.length ? { diagnostics: t.diagnostics } : {}),
  });
}

export function pubmedTranslate(text: string, to: Syntax, from: Syntax | undefined, json: boolean, out: Out): number {
  const t = translateStrategy(text, to, from);
  if (json) {
    out(translationJson(t));
    return t.ok ? 0 : 1;
  }
  out(`database: ${t.database}${t.from ? ` (${t.from} syntax)` : ''}`);
  for (const d of t.diagnostics) out(`${d.severity} at line ${d.line}: ${d.message}${d.fix ? ` (fix: ${d.fix})` : ''}`);
  for (const l of t.lines) {
    out(`${l.n}. ${l.source}`);
    out(`   → ${l.translated ?? '(not translated)'}`);
    for (const n of l.notes) if (n.exactness !== 'exact' || n.reason) out(`     ${n.exactness}: ${n.element}${n.becomes ? ` → ${n.becomes}` : ''}${n.reason ? ` (${n.reason})` : ''}`);
    for (const e of l.errors) out(`     ${e.severity} at line ${e.line}, offset ${e.offset}: ${e.message} (fix: ${e.fix})`);
  }
  if (t.query !== null) { out(''); out(t.query); }
  return t.ok ? 0 : 1;
}
