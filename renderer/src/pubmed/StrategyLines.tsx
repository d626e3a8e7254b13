/**
 * The translated strategy, line by line: source (editable in place), translation, PubMed count when
 * counting is on, notes (not exact) and problems with their fix.
 */
import type { StrategyLineCount, StrategyTranslation } from '../api.js';
import { LineCount } from './LineCount.js';

type Line = StrategyTranslation['lines'][number];

export interface LineEditing {
  n: number;
  value: string;
  change(value: string): void;
  done(): void;
}

function Source({ l, editing, onEdit }: { l: Line; editing: LineEditing | null; onEdit: ((n: number) => void) | null }) {
  if (editing) {
    return (
      <div className="strategy-source strategy-editing">
        <span className="strategy-n">{l.n}</span>
        <textarea
          aria-label={`Line ${l.n} source`} className="pubmed-mono" rows={Math.max(1, editing.value.split('\n').length)} spellCheck={false}
          value={editing.value} autoFocus onChange={(e) => editing.change(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Escape' || (e.key === 'Enter' && !e.shiftKey)) { e.preventDefault(); editing.done(); } }}
        />
        <button type="button" onClick={editing.done}>Done</button>
      </div>
    );
  }
  return (
    <div className="strategy-source pubmed-mono">
      <span className="strategy-n">{l.n}</span>{l.source}
      {onEdit && <button type="button" className="strategy-edit" aria-label={`Edit line ${l.n}`} onClick={() => onEdit(l.n)}>Edit</button>}
    </div>
  );
}

function LineRow({ l, count, editing, onEdit }: { l: Line; count: StrategyLineCount | 'counting' | null; editing: LineEditing | null; onEdit: ((n: number) => void) | null }) {
  const notes = l.notes.filter((n) => n.exactness !== 'exact' || n.reason);
  return (
    <li className="strategy-line" aria-label={`Line ${l.n}`}>
      <Source l={l} editing={editing} onEdit={onEdit} />
      <div className="strategy-translated pubmed-mono">{l.translated ?? <span className="error">not translated</span>}</div>
      {count && <LineCount c={count} />}
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
        <ul className="strategy-problems pubmed-small" aria-label={`Problems on line ${l.n}`} aria-live={editing ? 'polite' : undefined}>
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

export interface StrategyLinesProps {
  t: StrategyTranslation;
  /** Counts by line number, 'counting' while they are asked for, null when counting is off. */
  counts?: ReadonlyMap<number, StrategyLineCount> | 'counting' | null;
  editing?: LineEditing | null;
  onEdit?: ((n: number) => void) | null;
}

export function StrategyLines({ t, counts = null, editing = null, onEdit = null }: StrategyLinesProps) {
  return (
    <ol className="strategy-lines" aria-label="Translated lines">
      {t.lines.map((l) => (
        <LineRow
          key={l.n} l={l} count={counts === 'counting' ? 'counting' : counts?.get(l.n) ?? null}
          editing={editing?.n === l.n ? editing : null} onEdit={editing ? null : onEdit}
        />
      ))}
    </ol>
  );
}
