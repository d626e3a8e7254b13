/**
 * The PubMed query editor: filled from a candidate or typed. Checked with pubmedCheck 300 ms after
 * the last keystroke (stale answers are dropped); errors show under it with a caret at the offset.
 */
import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import { api, unwrap, type PubmedCheckResult } from '../api.js';
import { QueryIssues } from './QueryIssues.js';

export const CHECK_DEBOUNCE_MS = 300;

export interface QueryEditorProps {
  value: string;
  onChange(v: string): void;
  busy: boolean;
  onSearch(): void;
}

type Check = { query: string; result: PubmedCheckResult } | { query: string; failure: string };

function useQueryCheck(query: string): Check | null {
  const [check, setCheck] = useState<Check | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    const n = ++seq.current;
    if (!query.trim()) { setCheck(null); return; }
    const t = setTimeout(() => {
      unwrap(api().pubmedCheck(query))
        .then((result) => { if (seq.current === n) setCheck({ query, result }); })
        .catch((e: Error & { code?: string }) => { if (seq.current === n) setCheck({ query, failure: `${e.code ?? 'ERROR'}: ${e.message}` }); });
    }, CHECK_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [query]);
  return check && check.query === query ? check : null;
}

export const QueryEditor = forwardRef<HTMLTextAreaElement, QueryEditorProps>(function QueryEditor(p, ref) {
  const id = useId();
  const check = useQueryCheck(p.value);
  const result = check && 'result' in check ? check.result : null;
  const invalid = result !== null && !result.valid;
  return (
    <div className="pubmed-editor">
      <label className="pubmed-field" htmlFor={`${id}-e`}>
        <span>PubMed query</span>
        <textarea
          ref={ref} id={`${id}-e`} aria-label="PubMed query" rows={5} spellCheck={false} value={p.value}
          className="pubmed-mono" aria-invalid={invalid} aria-describedby={`${id}-st`}
          placeholder='e.g. ("Diabetes Mellitus, Type 2"[mh] OR "type 2 diabetes"[tiab]) AND (SGLT2[tiab] OR gliflozin*[tiab])'
          onChange={(e) => p.onChange(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && p.value.trim() && !p.busy) { e.preventDefault(); p.onSearch(); } }}
        />
      </label>
      <div className="pubmed-editor-bar">
        <span id={`${id}-st`} className="pubmed-small" aria-live="polite">
          {!p.value.trim() && <span className="muted">Type a query, or use a drafted one.</span>}
          {p.value.trim() && !check && <span className="muted">Checking…</span>}
          {result?.valid && <span className="pubmed-ok">✓ Valid PubMed syntax</span>}
          {invalid && <span className="error">{result.errors.length} syntax error{result.errors.length === 1 ? '' : 's'}</span>}
          {check && 'failure' in check && <span className="error">Could not check: {check.failure}</span>}
        </span>
        <button type="button" className="primary" disabled={!p.value.trim() || p.busy} onClick={p.onSearch}>
          {p.busy ? 'Searching…' : 'Search PubMed'}
        </button>
      </div>
      {result && <QueryIssues query={p.value} errors={result.errors} label="Query errors" />}
      {result && result.warnings.length > 0 && (
        <ul className="pubmed-warn" aria-label="Query warnings">{result.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
      )}
    </div>
  );
});
