/**
 * Per-clause hit counts as an indented tree, like PubMed's search History: each top-level clause,
 * and under an OR clause its synonyms (depth 2), each with its count (or PubMed's refusal).
 */
import type { CheckedCandidate } from '../api.js';

type Clause = CheckedCandidate['clauses'][number];

interface Branch {
  clause: Clause;
  children: Clause[];
}

/** Nests each depth-2 clause under the first top-level clause whose text contains it. */
export function clauseTree(clauses: Clause[]): Branch[] {
  const roots: Branch[] = clauses.filter((c) => c.depth === 1).map((clause) => ({ clause, children: [] }));
  for (const c of clauses) {
    if (c.depth !== 2) continue;
    const parent = roots.find((r) => r.clause.query !== c.query && r.clause.query.includes(c.query)) ?? roots[roots.length - 1];
    if (parent) parent.children.push(c);
    else roots.push({ clause: c, children: [] });
  }
  return roots;
}

function ClauseLine({ c }: { c: Clause }) {
  return (
    <div className="pubmed-clause">
      <code className="pubmed-clause-query">{c.query}</code>
      {c.error
        ? <span className="pubmed-clause-count error">refused: {c.error}</span>
        : <span className={`pubmed-clause-count${c.count === 0 ? ' is-zero' : ''}`}>{c.count === null ? '—' : c.count.toLocaleString()}</span>}
    </div>
  );
}

export function ClauseTree({ clauses, skipped }: { clauses: Clause[]; skipped: number }) {
  if (clauses.length === 0) return null;
  return (
    <div className="pubmed-clauses">
      <div className="pubmed-subhead">Clause counts</div>
      <ul className="pubmed-tree" aria-label="Clause counts">
        {clauseTree(clauses).map((b, i) => (
          <li key={i}>
            <ClauseLine c={b.clause} />
            {b.children.length > 0 && (
              <ul>
                {b.children.map((c, j) => <li key={j}><ClauseLine c={c} /></li>)}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {skipped > 0 && <div className="muted pubmed-small">{skipped} more clause{skipped === 1 ? '' : 's'} not counted (request cap).</div>}
    </div>
  );
}
