/**
 * "Why this result?": a toggle in an evidence card's foot and the panel it opens under the foot,
 * in plain words: one row per signal (keyword match, meaning match, LLM judge) with the rank it
 * gave and a bar that follows that rank, then the words-together bonus, how the signals were
 * combined and the place after each deep step.
 */
import { explanation, signals, type Tops, type Trace } from './scores.js';

export function WhyToggle({ id, open, onToggle }: { id: string; open: boolean; onToggle(open: boolean): void }) {
  return (
    <button type="button" className="link-button search-why-toggle" aria-expanded={open} aria-controls={id} onClick={() => onToggle(!open)}>
      Why this result?
    </button>
  );
}

export function WhyPanel({ id, trace, tops }: { id: string; trace: Trace; tops: Tops }) {
  const rows = signals(trace, tops);
  const lines = explanation(trace);
  return (
    <div id={id} className="search-why-panel" data-testid="why-this-result">
      <dl className="search-why-rows">
        {rows.map((s) => (
          <div key={s.key} className="search-why-row" data-part={s.key} data-value={s.value.toFixed(3)} data-rank={s.rank}>
            <dt>{s.label}</dt>
            <dd>
              <span className="search-score-track" aria-hidden="true"><span className="search-score-fill" style={{ width: `${Math.round(s.value * 100)}%` }} /></span>
              <span className="search-why-rank">{s.rank}</span>
              <span className="search-why-detail muted">{s.detail}</span>
            </dd>
          </div>
        ))}
      </dl>
      {lines.map((l) => <p key={l} className="search-why-line">{l}</p>)}
    </div>
  );
}
