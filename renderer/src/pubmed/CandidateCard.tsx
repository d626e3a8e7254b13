/**
 * One drafted query: rank, the query (copyable), its hit count, seed recall with the missed PMIDs,
 * per-clause counts, MeSH checks, PubMed's translation, and what went wrong (syntax errors with a
 * caret, an LLM or PubMed failure). All model text is rendered as plain text.
 */
import type { CheckedCandidate } from '../api.js';
import { ClauseTree } from './ClauseTree.js';
import { CopyButton } from './CopyButton.js';
import { MeshChecks } from './MeshChecks.js';
import { QueryIssues } from './QueryIssues.js';
import { recallText } from './recall.js';

export function CandidateCard({ c, onUse }: { c: CheckedCandidate; onUse: (query: string) => void }) {
  const query = c.query ?? '';
  const seeds = c.seedsFound.length + c.seedsMissed.length;
  const usable = c.query ?? c.searched;
  return (
    <article className="pubmed-card" aria-label={`Candidate ${c.rank}`}>
      <header className="pubmed-card-head">
        <span className="pubmed-rank">#{c.rank}</span>
        {c.count !== null && <span className="pubmed-count"><strong>{c.count.toLocaleString()}</strong> hits</span>}
        {c.recall !== null && (
          <span className={`pubmed-recall${c.recall >= 1 ? ' is-full' : ''}`}>{recallText(c.seedsFound.length, seeds)}</span>
        )}
        {!c.formatOk && c.query && <span className="pubmed-tag" title="The reply did not follow the answer format">loose format</span>}
        <span className="pubmed-card-actions">
          {c.query && <CopyButton text={c.query} label={`Copy query ${c.rank}`} />}
          {usable && <button type="button" className="primary" onClick={() => onUse(usable)}>Use this query</button>}
        </span>
      </header>
      {c.query
        ? <pre className="pubmed-query">{c.query}</pre>
        : <p className="muted">No query could be read from the model's reply.</p>}
      {c.seedsMissed.length > 0 && (
        <div className="pubmed-missed">Missed: {c.seedsMissed.map((p) => <code key={p}>{p}</code>)}</div>
      )}
      {c.errors && c.errors.length > 0 && <QueryIssues query={query} errors={c.errors} label={`Errors in candidate ${c.rank}`} />}
      {c.error && <div className="pubmed-card-error" role="alert">{c.error}</div>}
      {c.notFound.length > 0 && <div className="pubmed-warn">PubMed did not find (and ignored): {c.notFound.join(', ')}</div>}
      <ClauseTree clauses={c.clauses} skipped={c.clausesSkipped} />
      <MeshChecks mesh={c.mesh} />
      {c.translation && (
        <details className="pubmed-translation">
          <summary>PubMed's translation</summary>
          <pre>{c.translation}</pre>
        </details>
      )}
      {c.reply && !c.query && (
        <details className="pubmed-translation">
          <summary>The model's reply</summary>
          <pre>{c.reply}</pre>
        </details>
      )}
    </article>
  );
}
