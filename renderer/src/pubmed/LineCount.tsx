/** One strategy line's PubMed count, or why it has none ("no count: PubMed unreachable", or the error code). */
import type { StrategyLineCount } from '../api.js';

function why(c: StrategyLineCount): string {
  if (c.error?.code === 'PUBMED_UNREACHABLE') return 'PubMed unreachable';
  if (c.error?.code === 'NOT_TRANSLATED') return 'not translated';
  return c.error?.code ?? 'unknown';
}

export function LineCount({ c }: { c: StrategyLineCount | 'counting' }) {
  if (c === 'counting') return <div className="strategy-count pubmed-small muted">counting in PubMed…</div>;
  if (c.count !== null) return <div className="strategy-count pubmed-small">PubMed: {c.count.toLocaleString('en-US')} records</div>;
  return <div className="strategy-count pubmed-small pubmed-warn-item" title={c.error?.message}>no count: {why(c)}</div>;
}
