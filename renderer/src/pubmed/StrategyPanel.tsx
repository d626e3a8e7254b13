/**
 * Paste a search strategy as published (Ovid MEDLINE or PubMed, numbered lines, hit counts and all):
 * it is checked and translated line by line as you edit, each line with its notes and problems.
 * Any line can be edited in place (its problems update as you type); with "Count each line in
 * PubMed" on, each line shows its PubMed count (references expanded) or why there is none.
 * The PubMed translation of the whole strategy can be sent to the query editor.
 */
import { useId, useState } from 'react';
import { StrategyLines, type LineEditing } from './StrategyLines.js';
import { linesAt, locateLines, replaceLines, type LineSpan } from './strategyText.js';
import { useStrategyCounts } from './useStrategyCounts.js';
import { useStrategyTranslation } from './useStrategyTranslation.js';

const DB_NAMES: Record<string, string> = {
  'ovid-medline': 'Ovid MEDLINE', 'ovid-embase': 'Ovid Embase', pubmed: 'PubMed', 'embase.com': 'Embase.com',
  cinahl: 'CINAHL', cochrane: 'Cochrane Library', unknown: 'unknown',
};

export function StrategyPanel({ onUse }: { onUse(query: string): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [to, setTo] = useState<'pubmed' | 'ovid'>('pubmed');
  const [counting, setCounting] = useState(false);
  const [edit, setEdit] = useState<(LineSpan & { n: number }) | null>(null);
  const { now: t, last } = useStrategyTranslation(text, to);
  const result = t && 'result' in t ? t.result : null;
  const counted = useStrategyCounts(text, counting);
  const shown = last?.result ?? null;
  const counts = !counting || !shown ? null
    : counted && 'counts' in counted && last?.text === text ? new Map(counted.counts.map((c) => [c.n, c])) : counted && 'failure' in counted ? null : 'counting' as const;
  const startEdit = (n: number) => {
    if (!shown) return;
    const span = locateLines(text, shown.lines.map((l) => l.source))[shown.lines.findIndex((l) => l.n === n)];
    if (span) setEdit({ ...span, n });
  };
  const editing: LineEditing | null = edit && {
    n: edit.n,
    value: linesAt(text, edit),
    change: (value) => { setText(replaceLines(text, edit, value)); setEdit({ ...edit, count: value.split('\n').length }); },
    done: () => setEdit(null),
  };
  return (
    <div className="strategy">
      <label className="pubmed-field" htmlFor={`${id}-s`}>
        <span>Search strategy (Ovid MEDLINE or PubMed, one search per line)</span>
        <textarea
          id={`${id}-s`} aria-label="Search strategy" rows={8} spellCheck={false} value={text} className="pubmed-mono"
          placeholder={'1. exp Heart Failure/\n2. (heart adj3 failure).ti,ab.\n3. or/1-2\n4. limit 3 to english language'}
          onChange={(e) => { setEdit(null); setText(e.target.value); }}
        />
      </label>
      <div className="pubmed-editor-bar">
        <label className="pubmed-small">Translate to{' '}
          <select aria-label="Translate to" value={to} onChange={(e) => setTo(e.target.value as 'pubmed' | 'ovid')}>
            <option value="pubmed">PubMed</option>
            <option value="ovid">Ovid MEDLINE</option>
          </select>
        </label>
        <label className="pubmed-small">
          <input type="checkbox" checked={counting} onChange={(e) => setCounting(e.target.checked)} /> Count each line in PubMed
        </label>
        <span className="pubmed-small" aria-live="polite">
          {!text.trim() && <span className="muted">Paste a strategy to translate it.</span>}
          {text.trim() && !t && <span className="muted">Translating…</span>}
          {result && (result.ok
            ? <span className="pubmed-ok">✓ {DB_NAMES[result.database] ?? result.database}: {result.lines.length} lines translated</span>
            : <span className="error">{DB_NAMES[result.database] ?? result.database}: not translated</span>)}
          {t && 'failure' in t && <span className="error">Could not translate: {t.failure}</span>}
          {counted && 'failure' in counted && <span className="error"> Could not count: {counted.failure}</span>}
        </span>
        {result?.ok && to === 'pubmed' && result.query && (
          <button type="button" onClick={() => onUse(result.query as string)}>Use as PubMed query</button>
        )}
      </div>
      {result && result.diagnostics.length > 0 && (
        <ul className="strategy-problems pubmed-small" aria-label="Strategy problems">
          {result.diagnostics.map((d, i) => <li key={i} className={d.severity === 'error' ? 'error' : ''}>{d.message}. {d.fix}</li>)}
        </ul>
      )}
      {shown && <StrategyLines t={shown} counts={counts} editing={editing} onEdit={startEdit} />}
    </div>
  );
}
