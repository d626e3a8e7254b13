/**
 * `delve pubmed translate "<strategy>" --to pubmed|ovid [--from pubmed|ovid] [--json]`: a search
 * strategy (Ovid MEDLINE or PubMed, one search per line, as published) translated line by line.
 * `--file F` reads it from a file, `-` from standard input. Exit code 0 when every line translated
 * (with or without warnings), 1 otherwise.
 *
 * --json prints `{ok, database, lines:[{n, source, translated, notes:[…], errors:[…]}], query}`;
 * errors are `{line, offset, message, fix, severity}`, notes `{element, exactness, becomes, reason?}`.
 * With `--counts` (and `--eutils URL`, `--api-key`, `--email` as in the other pubmed commands) each
 * line also has `count`: its PubMed hit count, references expanded (null with `countError:
 * {code, message}` when there is none, e.g. PUBMED_UNREACHABLE); the exit code is unchanged by it.
 */
import type { Eutils } from '../app/pubmed.js';
import { strategyCounts, type LineCount } from '../app/strategy.js';
import { translateStrategy, type Syntax, type Translation } from '../strategy/index.js';
import { UsageError } from './args.js';
import { onInterrupt } from './interrupt.js';

type Out = (s: string) => void;

export function syntaxOption(v: string | undefined, name: string, fallback?: Syntax): Syntax | undefined {
  if (v === undefined) return fallback;
  if (v !== 'pubmed' && v !== 'ovid') throw new UsageError(`${name} must be pubmed or ovid`);
  return v;
}

const countJson = (c: LineCount | undefined) => (c ? { count: c.count, ...(c.error ? { countError: c.error } : {}) } : {});

export function translationJson(t: Translation, counts?: readonly LineCount[]): string {
  return JSON.stringify({
    ok: t.ok,
    database: t.database,
    lines: t.lines.map((l, i) => ({ n: l.n, source: l.source, translated: l.translated, notes: l.notes, errors: l.errors, ...countJson(counts?.[i]) })),
    query: t.query,
    ...(t.diagnostics.length ? { diagnostics: t.diagnostics } : {}),
  });
}

/** `--counts`: the translation with each line's PubMed count, asked of `eutils`; Ctrl-C stops it. */
export async function pubmedTranslateCounted(text: string, to: Syntax, from: Syntax | undefined, json: boolean, eutils: Eutils, out: Out): Promise<number> {
  const interrupt = onInterrupt();
  try {
    const counts = await strategyCounts(text, eutils, { ...(from ? { from } : {}), signal: interrupt.signal });
    return pubmedTranslate(text, to, from, json, out, counts);
  } finally {
    interrupt.release();
  }
}

const countText = (c: LineCount) => (c.count !== null ? `PubMed count: ${c.count.toLocaleString('en-US')}` : `no count: ${c.error?.code === 'PUBMED_UNREACHABLE' ? 'PubMed unreachable' : `${c.error?.code ?? 'unknown'} (${c.error?.message ?? ''})`}`);

export function pubmedTranslate(text: string, to: Syntax, from: Syntax | undefined, json: boolean, out: Out, counts?: readonly LineCount[]): number {
  const t = translateStrategy(text, to, from);
  if (json) {
    out(translationJson(t, counts));
    return t.ok ? 0 : 1;
  }
  out(`database: ${t.database}${t.from ? ` (${t.from} syntax)` : ''}`);
  for (const d of t.diagnostics) out(`${d.severity} at line ${d.line}: ${d.message}${d.fix ? ` (fix: ${d.fix})` : ''}`);
  t.lines.forEach((l, i) => {
    out(`${l.n}. ${l.source}`);
    out(`   → ${l.translated ?? '(not translated)'}`);
    const c = counts?.[i];
    if (c) out(`   ${countText(c)}`);
    for (const n of l.notes) if (n.exactness !== 'exact' || n.reason) out(`     ${n.exactness}: ${n.element}${n.becomes ? ` → ${n.becomes}` : ''}${n.reason ? ` (${n.reason})` : ''}`);
    for (const e of l.errors) out(`     ${e.severity} at line ${e.line}, offset ${e.offset}: ${e.message} (fix: ${e.fix})`);
  });
  if (t.query !== null) { out(''); out(t.query); }
  return t.ok ? 0 : 1;
}
