/**
 * How a result scored: one short meter per signal (BM25, dense, LLM) in the theme's signal colours,
 * the numbers in a tooltip and as visually hidden text for screen readers.
 */
import { scoreLine, scoreParts, type Trace } from './scores.js';

export function ScoreBar({ trace, score, top }: { trace: Trace; score: number; top: number }) {
  const parts = scoreParts(trace, top);
  if (parts.length === 0) return null;
  const line = scoreLine(trace, parts, score);
  return (
    <div className="search-scorebar" title={line} data-testid="score-bar">
      {parts.map((p) => (
        <span key={p.key} className="search-score" data-part={p.key} data-value={p.value.toFixed(2)} aria-hidden="true">
          <span className="search-score-label">{p.label}</span>
          <span className="search-score-track"><span className="search-score-fill" style={{ width: `${Math.round(p.value * 100)}%` }} /></span>
        </span>
      ))}
      <span className="search-sr">Scores: {line}</span>
    </div>
  );
}
