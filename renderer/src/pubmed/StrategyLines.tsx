/** The translated strategy, line by line: source, translation, notes (not exact) and problems with their fix. */
import type { StrategyTranslation } from '../api.js';

type Line = StrategyTranslation['lines'][number];

function LineRow({ l }: { l: Line }) {
  const notes = l.notes.filter((n) => n.exactness !== 'exact' || n.reason);
  return (
    <li className="strategy-line" aria-label={`Line ${l.n}`}>
      <div className="strategy-source pubmed-mono"><span className="strategy-n">{l.n}</span>{l.source}</div>
      <div className="strategy-translated pubmed-mono">{l.translated ?? <span className="error">not translated</span>}</div>
      {notes.length > 0 && (
        <ul className="strategy-notes pubmed-small" aria-label={`Notes for line ${l.n}`}>
          {notes.map((n, i) => (
            <li key={i} className={`strategy-note-${n.exactness}`}>
              <strong>{n.exactness}</strong>: {n.element}{n.becomes ? ` → ${n.becomes}` : ''}{n.reason ? ` (${n.reason})` : ''}
            </li>
          ))}
        </ul>
      )}
      {l.errors.length > 0 && (
        <ul className="strategy-problems pubmed-small" aria-label={`Problems on line ${l.n}`}>
          {l.errors.map((e, i) => (
            <li key={i} className={e.severity === 'error' ? 'error' : 'pubmed-warn-item'}>
              {e.severity} (line {e.line}, character {e.offset + 1}): {e.message}. Fix: {e.fix}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function StrategyLines({ t }: { t: StrategyTranslation }) {
  return (
    <ol className="strategy-lines" aria-label="Translated lines">
      {t.lines.map((l) => <LineRow key={l.n} l={l} />)}
    </ol>
  );
}
