/** One drafted trial search: recall of the known trials, count, per-area counts, errors; "Use this query". */
import type { TrialCandidate } from '../api.js';
import { recallText } from '../pubmed/recall.js';
import { areaLabel } from './nct.js';

export function TrialCard({ c, seeds, onUse }: { c: TrialCandidate; seeds: number; onUse: (q: string) => void }) {
  const areas = Object.entries(c.normalized ?? c.areas ?? {});
  const term = c.normalized?.term ?? (areas.length === 1 ? areas[0]![1] : null);
  return (
    <article className="pubmed-card" aria-label={`Trial search ${c.rank}`}>
      <div className="pubmed-card-head">
        <strong>#{c.rank}</strong>
        {c.count !== null && <span>{c.count.toLocaleString()} studies</span>}
        {c.recall !== null && seeds > 0 && <span className={`pubmed-recall${c.recall === 1 ? ' is-full' : ''}`}>{recallText(c.seedsFound.length, seeds).replace('known paper', 'known trial')}</span>}
        {c.pagesRead > 1 && <span className="muted pubmed-small">{c.idsRead.toLocaleString()} ids over {c.pagesRead} pages</span>}
      </div>
      <ul className="trials-areas" aria-label={`Search areas of ${c.rank}`}>
        {areas.map(([a, q]) => <li key={a}><span className="muted">{areaLabel(a)}:</span> <code>{q}</code></li>)}
      </ul>
      {c.areaCounts.length > 0 && (
        <ul className="trials-area-counts" aria-label={`Counts per area of ${c.rank}`}>
          {c.areaCounts.map((ac) => <li key={ac.area}>{areaLabel(ac.area)} alone: {ac.count === null ? ac.error : ac.count.toLocaleString()}</li>)}
        </ul>
      )}
      {c.clauseCounts.length > 0 && (
        <ul className="trials-area-counts" aria-label={`Clause counts of ${c.rank}`}>
          {c.clauseCounts.map((cc, i) => <li key={i}><code>{cc.query}</code>: {cc.count === null ? cc.error : cc.count.toLocaleString()}</li>)}
        </ul>
      )}
      {c.seedsMissed.length > 0 && <p className="pubmed-missed">Missed: {c.seedsMissed.map((s) => <code key={s}>{s}</code>)}</p>}
      {c.errors && <ul className="error" aria-label={`Errors in ${c.rank}`}>{c.errors.map((e, i) => <li key={i}>{areaLabel(e.area)}, at character {e.offset + 1}: {e.message}</li>)}</ul>}
      {c.error && <p className="error">{c.error}</p>}
      {term && <button type="button" onClick={() => onUse(term)}>Use this query</button>}
    </article>
  );
}
